"""``commandcenter departments list | add CODE NAME [--phone P]``: the district's departments (联动) for
IT scripts, through ``DistrictEditService`` as the command-line administrator (``cli:<OS user>``): the
categories whose department column names one route their new cases to it, and ``users add --role
department --department NAME`` gives it a desk. A refusal is one ``错误 error:`` line and exit 2."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from commandcenter.accounts.errors import AccessError
from commandcenter.accounts.principal import command_line_principal
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import Settings
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.services.district_edit_service import DistrictEditService


def add_departments(commands: Any) -> None:
    parser = commands.add_parser("departments", help="list or add the district's departments (联动)")
    actions = parser.add_subparsers(dest="departments_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="print the departments")
    listing.add_argument("--url", help="database URL (default: the configured one)")
    add = actions.add_parser("add", help="add a department")
    add.add_argument("code", metavar="CODE")
    add.add_argument("name", metavar="NAME", help="as the category table names it, e.g. 市政所")
    add.add_argument("--phone", default="")
    add.add_argument("--url", help="database URL (default: the configured one)")


def run_departments(args: argparse.Namespace, settings: Settings) -> int:
    url = command_database_url("departments", args.url, settings)
    try:
        store = open_store(url)
        try:
            service = DistrictEditService(store, command_line_principal())
            if args.departments_command == "add":
                service.add_department(args.code, args.name, args.phone)
                print(f"已添加部门 added department {args.code} {args.name}")
            for department in service.departments():
                state = "" if department.active else "  (停用 inactive)"
                print(f"{department.code}\t{department.name}\t{department.phone}{state}")
        finally:
            store.close()
    except AccessError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
