"""The yearly monev report: what the registry says about one fiscal year for one
reporting body.

Built only from current values (corrections win over extraction), so the report
a province sends is what its reviewers confirmed. Agreements whose end date is
unknown are counted apart rather than guessed: they are the ones monev must
chase. States are read as of the report's day (``service.reports.states``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from models.errors import NotFoundError
from service.indonesian import AGREEMENT_STATE_LABELS, DOC_TYPE_LABELS, PARTY_KIND_LABELS, label
from service.reports.bidang import fields_of
from service.reports.bodies import MINISTRY, Body, all_bodies, get_body, visible
from service.reports.criteria import CRITERIA
from service.reports.deadline import REPORT_WORKING_DAYS, report_deadline
from service.reports.evaluation_groups import GoodPractice, Group, Scored, group_scores, mean
from service.reports.evaluations import Evaluation, EvaluationStore
from service.reports.portfolio import MonevRow, load_rows
from service.reports.states import AgreementState, as_of, in_year, state_of

if TYPE_CHECKING:
    from service.registry import Registry


class ReportRow(BaseModel):
    id: int
    doc_type: str | None
    title: str | None
    numbers: list[str]
    parties: list[str]
    party_kinds: list[str] = Field(default_factory=list)
    provinces: list[str] = Field(default_factory=list, description="province codes")
    regions: list[str] = Field(default_factory=list, description="kabupaten/kota codes")
    fields: list[str] = Field(default_factory=list, description="fields of cooperation")
    signing_date: dt.date | None
    end_date: dt.date | None
    state: AgreementState
    status: str
    scores: dict[str, int] | None = Field(
        None, description="the current evaluation for the year: criterion code -> score"
    )
    evaluation_average: float | None = None
    ever_evaluated: bool = Field(False, description="evaluated in some year (this or another)")


class CriterionSummary(BaseModel):
    code: str
    label: str
    evaluated: int = Field(..., description="report rows with a current score for it")
    coverage: float = Field(..., description="evaluated / report rows (0..1)")
    average: float | None = Field(None, description="mean score over the evaluated rows")


class EvaluationCoverage(BaseModel):
    agreements: int
    evaluated: int
    coverage: float
    average: float | None
    criteria: list[CriterionSummary]


class YearlyReport(BaseModel):
    fiscal_year: int
    body: str = Field(MINISTRY, description="the reporting body's code")
    body_name: str = ""
    as_of: dt.date = Field(..., description="states are read on this day")
    deadline: dt.date
    deadline_working_days: int = REPORT_WORKING_DAYS
    generated_at: dt.datetime
    region_scope: str | None = None
    signed_in_year: dict[str, int]
    active_at_year_end: int
    expired_in_year: int
    expiring_next_180_days: int
    unknown_end_date: int
    needs_review: int
    states: dict[str, int] = Field(default_factory=dict)
    by_province: dict[str, int]
    by_signing_year: dict[int, int] = Field(default_factory=dict)
    by_party_kind: dict[str, int] = Field(default_factory=dict)
    by_field: dict[str, int] = Field(default_factory=dict)
    evaluation: EvaluationCoverage
    evaluation_by_region: list[Group] = Field(
        default_factory=list,
        description="per province (the ministry's report) or kabupaten/kota (a province's)",
    )
    evaluation_by_party_kind: list[Group] = Field(default_factory=list)
    evaluation_by_signing_year: list[Group] = Field(default_factory=list)
    never_evaluated: list[int] = Field(
        default_factory=list, description="report rows with no evaluation in any year"
    )
    good_practice: list[GoodPractice] = Field(
        default_factory=list, description="praktik baik of the year, best average first"
    )
    rows: list[ReportRow]


def build_yearly_report(
    agreements: Iterable[MonevRow],
    fiscal_year: int,
    *,
    body: Body | None = None,
    region_scope: str | None = None,
    evaluations: Mapping[int, Evaluation] | None = None,
    evaluated_ever: set[int] | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> YearlyReport:
    """Summarise every agreement in force at some point during ``fiscal_year``
    (up to the report's day), with ``evaluations`` (agreement id -> its current
    evaluation for the year) giving the coverage and average per criterion and
    per group, and ``evaluated_ever`` the agreements evaluated in any year."""
    evaluations = evaluations or {}
    ever = set(evaluations) if evaluated_ever is None else evaluated_ever | set(evaluations)
    body = body or all_bodies()[MINISTRY]
    today = today or dt.date.today()
    year_end = dt.date(fiscal_year, 12, 31)
    rows: list[ReportRow] = []
    signed: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("state", "province", "kind", "field")}
    years: Counter[int] = Counter()
    active = review = 0
    for item in agreements:
        if item.status == "merged" or not in_year(
            item.signing_date, item.end_date, fiscal_year, today
        ):
            continue
        state = state_of(item.signing_date, item.end_date, fiscal_year, today)
        if item.signing_date is not None:
            years[item.signing_date.year] += 1
            if item.signing_date.year == fiscal_year:
                signed[item.doc_type or "other"] += 1
        active += item.end_date is None or item.end_date >= year_end
        review += item.status == "needs_review"
        provinces = sorted({c.split(".")[0] for c in item.region_codes})
        kinds = sorted({p.kind for p in item.parties if p.kind})
        fields = fields_of(item.scope)
        counts["state"][state] += 1
        counts["province"].update(provinces)
        counts["kind"].update(kinds or ["lainnya"])
        counts["field"].update(fields)
        rows.append(
            ReportRow.model_construct(
                id=item.id,
                doc_type=item.doc_type,
                title=item.title,
                numbers=item.numbers,
                parties=item.party_names,
                party_kinds=kinds,
                provinces=provinces,
                regions=sorted({c for c in item.region_codes if "." in c}),
                fields=fields,
                signing_date=item.signing_date,
                end_date=item.end_date,
                state=state,
                status=item.status,
                scores=_scores(evaluations.get(item.id)),
                evaluation_average=(
                    evaluations[item.id].average if item.id in evaluations else None
                ),
                ever_evaluated=item.id in ever,
            )
        )
    by_id = {r.id: r for r in rows}
    return YearlyReport(
        fiscal_year=fiscal_year,
        body=body.code,
        body_name=body.name,
        as_of=as_of(fiscal_year, today),
        deadline=report_deadline(fiscal_year),
        generated_at=now or dt.datetime.now(dt.UTC),
        region_scope=region_scope,
        signed_in_year=dict(signed),
        active_at_year_end=active,
        expired_in_year=counts["state"]["expired"],
        expiring_next_180_days=counts["state"]["expiring"],
        unknown_end_date=counts["state"]["unknown_end"],
        needs_review=review,
        states=dict(counts["state"]),
        by_province=dict(sorted(counts["province"].items())),
        by_signing_year=dict(sorted(years.items())),
        by_party_kind=dict(counts["kind"].most_common()),
        by_field=dict(counts["field"].most_common()),
        evaluation=_coverage(rows),
        **_groups(rows, body),
        never_evaluated=[r.id for r in rows if not r.ever_evaluated],
        good_practice=sorted(
            (
                GoodPractice(
                    agreement_id=e.agreement_id,
                    title=by_id[e.agreement_id].title,
                    parties=by_id[e.agreement_id].parties,
                    evaluation=e,
                )
                for e in evaluations.values()
                if e.good_practice and e.agreement_id in by_id
            ),
            key=lambda g: (-g.evaluation.average, g.agreement_id),
        ),
        rows=rows,
    )


def region_keys(row: ReportRow, body: Body) -> list[str]:
    """The regions a row is grouped under one level below ``body``: provinces
    for the ministry, kabupaten/kota for a province (the province itself for
    its own agreements), the body itself below that."""
    if body.level == "kementerian":
        return row.provinces
    if body.level == "provinsi":
        own = [c for c in row.regions if c.startswith(body.code + ".")]
        return own or [body.code]
    return [body.code]


def _groups(rows: list[ReportRow], body: Body) -> dict[str, list[Group]]:
    bodies = all_bodies()

    def items(keys: Callable[[ReportRow], list[str]]) -> list[Scored]:
        return [Scored(keys(r), r.scores, r.evaluation_average) for r in rows]

    return {
        "evaluation_by_region": group_scores(
            items(lambda r: region_keys(r, body)),
            lambda c: bodies[c].name if c in bodies else c,
        ),
        "evaluation_by_party_kind": group_scores(
            items(lambda r: r.party_kinds or ["lainnya"]), lambda k: label(PARTY_KIND_LABELS, k)
        ),
        "evaluation_by_signing_year": group_scores(
            items(lambda r: [str(r.signing_date.year)] if r.signing_date else ["tanpa tahun"])
        ),
    }


def _scores(evaluation: Evaluation | None) -> dict[str, int] | None:
    if evaluation is None:
        return None
    return {code: item.score for code, item in evaluation.scores.items()}


def _coverage(rows: list[ReportRow]) -> EvaluationCoverage:
    """How much of the year's portfolio was evaluated, and how it scored: the
    part of the report the ministry reads against its seven criteria."""
    total = len(rows)
    criteria = []
    for criterion in CRITERIA:
        scored = [r.scores[criterion.code] for r in rows if r.scores and criterion.code in r.scores]
        criteria.append(
            CriterionSummary(
                code=criterion.code,
                label=criterion.label,
                evaluated=len(scored),
                coverage=round(len(scored) / total, 4) if total else 0.0,
                average=mean(scored),
            )
        )
    averages = [r.evaluation_average for r in rows if r.evaluation_average is not None]
    return EvaluationCoverage(
        agreements=total,
        evaluated=len(averages),
        coverage=round(len(averages) / total, 4) if total else 0.0,
        average=mean(averages),
        criteria=criteria,
    )


def summary_lines(report: YearlyReport) -> list[tuple[str, int]]:
    """The summary table every face of the report shows (XLSX, PDF, CLI, page)."""
    return [
        ("Kerja sama berlaku dalam tahun", len(report.rows)),
        ("Berlaku pada akhir tahun", report.active_at_year_end),
        *((AGREEMENT_STATE_LABELS[k], report.states.get(k, 0)) for k in AGREEMENT_STATE_LABELS),
        *(
            (f"Ditandatangani dalam tahun: {label(DOC_TYPE_LABELS, k)}", v)
            for k, v in sorted(report.signed_in_year.items())
        ),
        ("Perlu ditinjau", report.needs_review),
        ("Dievaluasi", report.evaluation.evaluated),
    ]


def report_body(region_scope: str | None, body_code: str | None) -> Body:
    """The body a report is for: the one asked (if the caller may see it), else
    the caller's own region, else the ministry."""
    code = body_code or region_scope or MINISTRY
    body = get_body(code)
    if not visible(region_scope, body.code):
        raise NotFoundError(f"Tidak ada badan pelapor dengan kode {code!r}.")
    return body


def body_rows(
    registry: Registry, body: Body, *, in_force: tuple[dt.date, dt.date] | None = None
) -> list[MonevRow]:
    """A region body's agreements are its region's (a province compiles its
    kabupaten/kota); a ministry unit's are those it is a party to; the ministry
    itself compiles everything. ``in_force`` narrows to a span (``load_rows``)."""
    if body.level != "kementerian":
        return load_rows(registry, region_scope=body.code, in_force=in_force)
    rows = load_rows(registry, in_force=in_force)
    return rows if body.code == MINISTRY else [r for r in rows if body.code in r.bodies]


def yearly_from_registry(
    registry: Registry,
    fiscal_year: int,
    *,
    region_scope: str | None = None,
    body: str | None = None,
    today: dt.date | None = None,
) -> YearlyReport:
    """The report over the registry's current values and the year's current
    evaluations; a region-scoped caller sees only its region's bodies."""
    target = report_body(region_scope, body)
    span = (dt.date(fiscal_year, 1, 1), as_of(fiscal_year, today or dt.date.today()))
    rows = body_rows(registry, target, in_force=span)
    store = EvaluationStore(registry)
    evaluations = store.current_for_year(fiscal_year, (r.id for r in rows))
    return build_yearly_report(
        rows,
        fiscal_year,
        body=target,
        region_scope=region_scope,
        evaluations=evaluations,
        evaluated_ever=store.evaluated_ever(),
        today=today,
    )
