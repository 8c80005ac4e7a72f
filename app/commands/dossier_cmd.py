"""``motcua dossier ...``: receive, list, show and act on dossiers without the UI."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from app.catalogue import ensure_seeded, get_procedure
from app.errors import ValidationError
from app.i18n import tr
from app.services import dossiers as svc
from app.services.intake import DocumentInput, IntakeRequest, Party
from app.services.search import search_dossiers
from app.settings import load_settings
from app.status import label
from app.storage import open_cli_database
from app.workdays import parse_datetime


def _checklist(procedure, case_code: str | None, missing: set[str]) -> list[DocumentInput]:  # noqa: ANN001
    """The case's documents, all marked received with the catalogue's counts except the ``missing`` codes."""
    case = next((c for c in procedure.cases if c.code == case_code), procedure.cases[0])
    documents = []
    for doc in case.documents:
        received = doc.code not in missing and doc.name not in missing
        documents.append(DocumentInput(
            name=doc.name, code=doc.code, required=doc.required,
            originals=max(doc.originals, 0) if received else 0,
            certified_copies=max(doc.copies, 0) if received else 0,
        ))
        if received and doc.originals + doc.copies == 0:
            documents[-1].originals = 1
    return documents


def _receive(args: argparse.Namespace) -> int:
    settings = load_settings()
    db = open_cli_database()
    with db.session() as session:
        ensure_seeded(session)
        if args.from_json:
            request = IntakeRequest.from_payload(json.loads(Path(args.from_json).read_text(encoding="utf-8")))
        else:
            if not args.procedure or not args.name:
                raise ValidationError(tr("Cần --procedure và --name (hoặc --from-json)."))
            procedure = get_procedure(session, args.procedure)
            request = IntakeRequest(
                procedure_code=procedure.code,
                case_code=args.case or procedure.cases[0].code,
                applicant=Party(
                    name=args.name, id_number=args.id_number or "", kind=args.kind,
                    birth_date=date.fromisoformat(args.birth_date) if args.birth_date else None,
                    sex=args.sex or "", address=args.address or "", phone=args.phone or "",
                ),
                documents=_checklist(procedure, args.case, set(args.missing or [])),
                received_at=parse_datetime(args.received) if args.received else None,
                notes=args.notes or "",
            )
        outcome = svc.receive_dossier(session, settings, request)
        dossier = outcome.dossier
        print(dossier.code)
        print(tr("Hẹn trả: {due:%H:%M %d/%m/%Y}", due=dossier.due_at) if dossier.due_at else "")
    return 0


def _list(args: argparse.Namespace) -> int:
    db = open_cli_database()
    with db.session() as session:
        for row in search_dossiers(session, args.query or "", limit=args.limit):
            due = f"{row.due_at:%d/%m/%Y %H:%M}" if row.due_at else "-"
            print(f"{row.code}\t{row.applicant_name}\t{row.procedure_name}\t{label(row.status)}\t{due}")
    return 0


def _show(args: argparse.Namespace) -> int:
    db = open_cli_database()
    with db.session() as session:
        d = svc.get_dossier(session, args.key)
        print(f"{d.code}  {d.applicant_name}  {d.procedure_name}")
        print(tr("Trạng thái: {status}", status=label(d.status)))
        print(tr("Tiếp nhận: {at:%H:%M %d/%m/%Y}", at=d.received_at))
        if d.due_at:
            print(tr("Hẹn trả: {at:%H:%M %d/%m/%Y}", at=d.due_at))
        for e in d.events:
            print(f"  {e.at:%d/%m/%Y %H:%M}  {e.actor}  {e.action}  {e.reason}")
    return 0


def _action(args: argparse.Namespace) -> int:
    settings = load_settings()
    db = open_cli_database()
    with db.session() as session:
        if args.action == "supplement":
            items = [DocumentInput(name=n, originals=1) for n in args.item]
            outcome = svc.request_supplement(session, settings, args.key, items, args.reason or "")
        elif args.action == "resume":
            outcome = svc.resume_after_supplement(session, settings, args.key)
        elif args.action == "refuse":
            outcome = svc.refuse(session, settings, args.key, args.reason or "")
        elif args.action == "withdraw":
            outcome = svc.withdraw(session, settings, args.key, args.reason or "")
        elif args.action == "process":
            outcome = svc.start_processing(session, settings, args.key)
        elif args.action == "resolve":
            outcome = svc.mark_resolved(session, settings, args.key, args.reason or "")
        elif args.action == "return":
            outcome = svc.return_result(session, settings, args.key, args.to or "", signature_taken=args.signed)
        else:  # apology
            if not args.new_due:
                raise ValidationError(tr("Cần --new-due cho phiếu xin lỗi."))
            outcome = svc.issue_apology(session, settings, args.key, args.reason or "", parse_datetime(args.new_due))
        print(tr("{code}: {status}", code=outcome.dossier.code, status=label(outcome.dossier.status)))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("dossier", help="tiếp nhận và xử lý hồ sơ")
    sub = parser.add_subparsers(dest="dossier_command", required=True)

    receive = sub.add_parser("receive", help="tiếp nhận một hồ sơ")
    receive.add_argument("--from-json", help="tệp JSON của yêu cầu tiếp nhận")
    receive.add_argument("--procedure")
    receive.add_argument("--case")
    receive.add_argument("--name")
    receive.add_argument("--id-number")
    receive.add_argument("--kind", choices=["citizen", "organisation"], default="citizen")
    receive.add_argument("--birth-date", help="YYYY-MM-DD")
    receive.add_argument("--sex", choices=["Nam", "Nữ"])
    receive.add_argument("--address")
    receive.add_argument("--phone")
    receive.add_argument("--notes")
    receive.add_argument("--received", help="thời điểm tiếp nhận, YYYY-MM-DD HH:MM")
    receive.add_argument("--missing", action="append", help="mã/tên giấy tờ chưa nộp")
    receive.set_defaults(func=_receive)

    listing = sub.add_parser("list", help="tìm hồ sơ (không phân biệt dấu)")
    listing.add_argument("query", nargs="?")
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(func=_list)

    show = sub.add_parser("show", help="xem một hồ sơ")
    show.add_argument("key")
    show.set_defaults(func=_show)

    for action in ("process", "supplement", "resume", "refuse", "withdraw", "resolve", "return", "apology"):
        p = sub.add_parser(action)
        p.add_argument("key")
        p.add_argument("--reason")
        if action == "supplement":
            p.add_argument("--item", action="append", default=[], help="giấy tờ cần bổ sung")
        if action == "return":
            p.add_argument("--to", help="người nhận kết quả")
            p.add_argument("--signed", action="store_true")
        if action == "apology":
            p.add_argument("--new-due", help="YYYY-MM-DD HH:MM")
        p.set_defaults(func=_action, action=action)
