"""The sample files that ship with frpolicy: a request, search logs and case timelines.

The tutorial, the guides and the README try frpolicy on these files, and so can you,
wherever frpolicy is installed (from a wheel, an sdist or a checkout). The data are
invented; only the shape of the practice is realistic.

=========================  ==================================================================
``request.json``           one :class:`~frpolicy.model.SearchRequest`: the State Police
                           search for the Boston police, under a superior court warrant for
                           armed robbery
``ma_search_log.jsonl``    Massachusetts searches across 2024, one
                           :class:`~frpolicy.model.SearchRecord` a line, made to exercise
                           every provision of G.L. c.6 §220 and of the bills
``ma_cases.jsonl``         the criminal cases of the people those searches identified, one
                           :class:`~frpolicy.model.CaseRecord` a line
``md_search_log.jsonl``    Maryland searches, one scenario of Crim. Proc. §§2-501 to 2-510
                           a line
``md_cases.jsonl``         their cases
``wa_search_log.jsonl``    Washington searches, one scenario of chapter 43.386 RCW a line
``wa_cases.jsonl``         their cases
``me_search_log.jsonl``    Maine searches under 25 M.R.S. §6001, most run by the Bureau of
                           Motor Vehicles for other states' police
``me_cases.jsonl``         their cases
``ut_search_log.jsonl``    Utah searches under Utah Code ch. 77-23e
``eu_search_log.jsonl``    real-time identifications by German, French and Dutch police under
                           the EU AI Act's Article 5, to audit as where the member state has
                           opted in for missing persons, victims and imminent threats
``mt_search_log.jsonl``    Montana searches under MCA 44-15: law enforcement's requests to
                           the Department of Justice, a watchlist, verification
``mt_cases.jsonl``         their cases
``co_search_log.jsonl``    Colorado searches under C.R.S. 24-18-301 to -309: surveillance on
                           each of the four grounds and on none
``md_report_log.jsonl``    Maryland agencies' searches of a year, for the annual report of
                           Crim. Proc. §2-510
``wa_report_log.jsonl``    Washington searches under surveillance warrants, for the January
                           reports of RCW 43.386.070
``me_report_log.jsonl``    the requests Maine's Bureau of Motor Vehicles received in 2024, for
                           its public log under 25 M.R.S. §6001
``ut_report_log.jsonl``    the requests Utah's entities received in 2024, for the annual
                           report of Utah Code §77-23e-106(3)
``va_report_log.jsonl``    Virginia police's uses of facial recognition in 2024, for the
                           annual public report of Va. Code §15.2-1723.2
=========================  ==================================================================

Read one as text with :func:`read`, or find the file with :func:`path`; on the command
line, ``frpolicy example NAME ...`` writes copies into the current directory.

>>> import frpolicy
>>> from frpolicy import examples
>>> request = frpolicy.from_json(examples.read("request.json"), frpolicy.SearchRequest)
>>> request.requesting_agency.name
'Boston Police Department'
>>> len(examples.read("ma_search_log.jsonl").splitlines())
400
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["describe", "names", "path", "read"]

# what each sample holds, in a line: `frpolicy example` lists them so
_ABOUT = {
    "request.json": "a State Police search for the Boston police, under a superior court "
    "warrant for armed robbery (a SearchRequest)",
    "ma_search_log.jsonl": "Massachusetts searches across 2024 (a SearchRecord a line)",
    "ma_cases.jsonl": "the cases of the people the Massachusetts searches identified "
    "(a CaseRecord a line)",
    "md_search_log.jsonl": "Maryland searches, a scenario of Crim. Proc. §§2-501 to 2-510 a "
    "line (a SearchRecord a line)",
    "md_cases.jsonl": "the cases of the people the Maryland searches identified",
    "wa_search_log.jsonl": "Washington searches, a scenario of chapter 43.386 RCW a line "
    "(a SearchRecord a line)",
    "wa_cases.jsonl": "the cases of the people the Washington searches identified",
    "me_search_log.jsonl": "Maine searches under 25 M.R.S. §6001, most run by the Bureau of "
    "Motor Vehicles for other states' police (a SearchRecord a line)",
    "me_cases.jsonl": "the cases of the people the Maine searches identified",
    "ut_search_log.jsonl": "Utah searches under Utah Code ch. 77-23e (a SearchRecord a line)",
    "eu_search_log.jsonl": "real-time identifications by member states' police under the EU AI "
    "Act's Article 5, to audit with --reading eu-opt-in-victims=national-law --reading "
    "eu-opt-in-threats=national-law (a SearchRecord a line)",
    "mt_search_log.jsonl": "Montana searches under MCA 44-15, most asked of the Department of "
    "Justice (a SearchRecord a line)",
    "mt_cases.jsonl": "the cases of the people the Montana searches identified",
    "co_search_log.jsonl": "Colorado searches under C.R.S. 24-18-301 to -309, surveillance on "
    "each of the four grounds and on none (a SearchRecord a line)",
    "md_report_log.jsonl": "Maryland agencies' searches of a year, for the annual report of "
    "Crim. Proc. §2-510 (a SearchRecord a line)",
    "wa_report_log.jsonl": "Washington searches under surveillance warrants, for the January "
    "reports of RCW 43.386.070 (a SearchRecord a line)",
    "me_report_log.jsonl": "the requests Maine's Bureau of Motor Vehicles received in 2024, for "
    "its public log under 25 M.R.S. §6001 (a SearchRecord a line)",
    "ut_report_log.jsonl": "the requests Utah's entities received in 2024, for the annual report "
    "of Utah Code §77-23e-106(3) (a SearchRecord a line)",
    "va_report_log.jsonl": "Virginia police's uses of facial recognition in 2024, for the annual "
    "public report of Va. Code §15.2-1723.2 (a SearchRecord a line)",
}


def names() -> tuple[str, ...]:
    """The names of the sample files, ``request.json`` first."""
    return tuple(_ABOUT)


def describe(name: str) -> str:
    """What the sample file holds, in a line.

    Raises:
        LookupError: there is no sample of this name; the message lists those there are.
    """
    _check(name)
    return _ABOUT[name]


def path(name: str) -> Path:
    """The sample file inside the installed package: read it, or copy it to change it.

    Raises:
        LookupError: there is no sample of this name; the message lists those there are.
    """
    _check(name)
    return Path(__file__).with_name(name)


def read(name: str) -> str:
    """The text of a sample file (UTF-8).

    Raises:
        LookupError: there is no sample of this name; the message lists those there are.
    """
    return path(name).read_text(encoding="utf-8")


def _check(name: str) -> None:
    if name not in _ABOUT:
        msg = f"no sample file {name!r}; there are: {', '.join(_ABOUT)}"
        raise LookupError(msg)
