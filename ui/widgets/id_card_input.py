"""Input for the QR of a citizen ID card, read by a keyboard-wedge scanner or pasted.

A wedge reader types the whole payload in a burst, usually ending with Enter; the text is parsed on Enter
or once the burst pauses. Text garbled by an active Vietnamese input method is refused with advice, never
half-filled into the form.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.citizens import (
    CardPayloadError,
    parse_cccd_payload,
    wedge_mangling_evidence,
    wedge_mangling_message,
)

BURST_PAUSE_MS = 300


class IdCardInput(QLineEdit):
    card_read = Signal(object)  # app.citizens.CitizenCard
    problem = Signal(str)  # Vietnamese advice or reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Quét mã QR trên thẻ căn cước hoặc dán nội dung mã vào đây"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BURST_PAUSE_MS)
        self._timer.timeout.connect(self.process)
        self.textChanged.connect(self._on_text)
        self.returnPressed.connect(self.process)

    def _on_text(self, text: str) -> None:
        if text:
            self._timer.start()

    def process(self) -> None:
        self._timer.stop()
        text = self.text()
        if not text.strip():
            return
        self.blockSignals(True)
        self.clear()  # the payload holds personal data; it should not linger in the field
        self.blockSignals(False)
        evidence = wedge_mangling_evidence(text)
        if evidence is not None:
            self.problem.emit(wedge_mangling_message(evidence))
            return
        try:
            card = parse_cccd_payload(text)
        except CardPayloadError as exc:
            self.problem.emit(exc.message)
            return
        self.card_read.emit(card)
