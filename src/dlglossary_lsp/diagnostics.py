"""Findings of the shared checker as LSP diagnostics."""

from __future__ import annotations

from collections.abc import Mapping

from lsprotocol import types

from dlglossary import Finding

from .analysis import Analysis, LineMap

__all__ = ["SOURCE", "to_diagnostic", "to_diagnostics"]

SOURCE = "dlglossary"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}


def to_diagnostics(analysis: Analysis) -> list[types.Diagnostic]:
    """The diagnostics of an analysed document (none when it is not checked)."""
    severity = analysis.context.config.severity
    return [to_diagnostic(f, analysis.lines, severity) for f in analysis.findings or ()]


def to_diagnostic(
    finding: Finding, lines: LineMap, severity: Mapping[str, str]
) -> types.Diagnostic:
    """One finding as a diagnostic; ``data`` carries what the code actions need."""
    data: dict[str, object] = {"word": finding.word}
    if finding.term_id is not None:
        data["termId"] = finding.term_id
    if finding.fix is not None:
        data["fix"] = {
            "start": finding.fix.start,
            "end": finding.fix.end,
            "replacement": finding.fix.replacement,
            "title": finding.fix.title,
        }
    return types.Diagnostic(
        range=lines.range(finding.start, finding.end),
        message=finding.message,
        severity=_SEVERITY.get(severity.get(finding.code, "information"), _SEVERITY["information"]),
        code=finding.code,
        source=SOURCE,
        data=data,
    )
