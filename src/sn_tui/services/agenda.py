"""The dagsordenpunkt for a change from version A to version B: the comparison, the høring
from the review services, rendered as a Word file, a PDF or Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sn_tui.services.comparing import Comparing
from sn_tui.services.reviewing import Reviewing

if TYPE_CHECKING:
    from sn_tui.domain.diff.types import Comparison
    from sn_tui.export.agenda import Hearing

AGENDA_FORMATS = ("docx", "pdf", "md")


class Agendas(Comparing, Reviewing):
    """The use case behind `sn-tui dagsorden` and the compare screen's dagsordenpunkt."""

    def render_agenda(self, comparison: Comparison, fmt: str, *, indstilling: str = "") -> bytes:
        """The dagsordenpunkt for `comparison` in `fmt` (docx, pdf or md); `indstilling` is
        the recommendation's text (empty: the default sentence)."""
        from sn_tui.export import UnknownFormat, render_outline
        from sn_tui.export.agenda import Agenda, agenda_outline
        from sn_tui.i18n import t

        if fmt not in AGENDA_FORMATS:
            choices = ", ".join(AGENDA_FORMATS)
            raise UnknownFormat(t("export.unknown_format", fmt=fmt, choices=choices))
        agenda = Agenda(comparison, indstilling.strip(), self.hearing(comparison))
        template = self.word_template() if fmt != "md" else None
        adoption = comparison.b.adoption
        author = (adoption.adopter_name if adoption else "") or self._author_name()
        return render_outline(
            agenda_outline(agenda),
            fmt,
            author=author,
            template=template[1] if template else None,
        )

    def hearing(self, comparison: Comparison) -> Hearing | None:
        """The høring of B's new and changed indsatser: approvals per faggruppe at B's text,
        open requests for changes, and the review rounds since A; None without a database."""
        from sn_tui.domain.errors import UserError
        from sn_tui.domain.reviews.records import Status, Verdict
        from sn_tui.export.agenda import Hearing, Request

        indsatser = [*(c.after for c in comparison.changed), *comparison.added]
        try:
            matrix = self.reviews.matrix(comparison.b.commit, indsatser)
            rounds = self.reviews.list_rounds()
        except UserError:
            return None
        names = {g.id: g.navn for g in self.repo.faggrupper(comparison.b.commit)}
        approvals = []
        for group in matrix.groups:
            cells = matrix.column(group)
            if cells:
                done = sum(1 for c in cells if c.status is Status.APPROVED)
                approvals.append((names.get(group, group), done, len(cells)))
        titles = {i.id: i.titel or i.id for i in indsatser}
        requests = []
        for indsats in indsatser:
            for cell in matrix.row(indsats.id):
                if cell.status is Status.CHANGES_REQUESTED and cell.decision is not None:
                    review = next(
                        (
                            r
                            for r in self.reviews.history(indsats.id)
                            if r.id == cell.decision.review_id
                            and r.verdict == Verdict.CHANGES_REQUESTED
                        ),
                        None,
                    )
                    if review is not None:
                        group = names.get(cell.group, cell.group)
                        requests.append(Request(titles[indsats.id], group, review.comment))
        # the rounds between the two versions: after A was adopted, up to B's adoption
        since = comparison.a.adoption.date if comparison.a.adoption else None
        until = comparison.b.adoption.date if comparison.b.adoption else None
        relevant = tuple(
            r
            for r in rounds
            if (since is None or r.created_at.date() >= since)
            and (until is None or r.created_at.date() <= until)
        )
        return Hearing(tuple(approvals), tuple(requests), relevant)
