"""Colours and emphasis that follow the palette and the chosen font size, so a dark or high-contrast theme
and the zoom keys (Ctrl+= / Ctrl+-) keep every screen readable.

Colours are given by meaning (error, success...) and never alone: the text next to them says the same.
A tone starts from the usual hue and moves toward the palette's text colour until it reaches the WCAG AA
contrast for text (4.5:1) against the background it is painted on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

AA_TEXT = 4.5
AA_GRAPHICS = 3.0  # bars, borders, icons (WCAG 1.4.11)

# The hue each meaning starts from on a light background.
TONES: dict[str, str] = {
    "error": "#b00020",
    "success": "#1b5e20",
    "warning": "#6b5800",
    "accent": "#0b5394",
    "muted": "#555555",
}

_TONE = "a11y_tone"
_SCALE = "a11y_font_scale"
_BOLD = "a11y_bold"


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2.x)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way to ``b``."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def readable(color: QColor, background: QColor, toward: QColor, minimum: float = AA_TEXT) -> QColor:
    """``color``, or the first blend of it toward ``toward`` that has ``minimum`` contrast on ``background``."""
    step = 0
    candidate = QColor(color)
    while contrast(candidate, background) < minimum and step < 20:
        step += 1
        candidate = mix(color, toward, step / 20)
    return candidate


def tone_color(tone: str, palette: QPalette | None = None,
               background_role: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    palette = palette or QApplication.palette()
    background = palette.color(background_role)
    text_role = QPalette.ColorRole.Text if background_role == QPalette.ColorRole.Base else QPalette.ColorRole.WindowText
    return readable(QColor(TONES[tone]), background, palette.color(text_role))


def graphic_color(hex_color: str, palette: QPalette | None = None) -> QColor:
    """A chart or border colour with 3:1 contrast on the window background."""
    palette = palette or QApplication.palette()
    return readable(QColor(hex_color), palette.color(QPalette.ColorRole.Window),
                    palette.color(QPalette.ColorRole.WindowText), AA_GRAPHICS)


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Paint a label's text in a tone (``None``: back to the normal text colour). Uses the widget's style sheet."""
    widget.setProperty(_TONE, tone or "")
    _apply_tone(widget)


def _apply_tone(widget: QWidget) -> None:
    # A style sheet rather than the palette: a parent's style sheet re-polishes its children and would reset
    # a palette colour, but never the child's own sheet.
    tone = widget.property(_TONE) or ""
    widget.setStyleSheet(f"color: {tone_color(tone).name()}" if tone else "")


def emphasize(widget: QWidget, scale: float = 1.0, bold: bool = True) -> None:
    """A larger and/or bold font relative to the application font, kept relative when it is zoomed."""
    widget.setProperty(_SCALE, float(scale))
    widget.setProperty(_BOLD, bool(bold))
    _apply_font(widget)


def _apply_font(widget: QWidget) -> None:
    font = QFont(QApplication.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * float(widget.property(_SCALE)))
    font.setBold(bool(widget.property(_BOLD)))
    widget.setFont(font)


def refresh_styles() -> None:
    """Re-derive the emphasised fonts and tones after the application font or palette changed."""
    for widget in QApplication.allWidgets():
        if widget.property(_SCALE) is not None:
            _apply_font(widget)
        if widget.property(_TONE) is not None:
            _apply_tone(widget)
