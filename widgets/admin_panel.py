"""Reference data for the admin: the organisation tree with phone, fax and e-mail
(edited with optimistic locking), users, and importing a site file (YAML/CSV)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.org import parse_units_csv, parse_yaml
from app.topics import Topic
from widgets.labels import role_label, unit_kind_label
from widgets.panels import Panel
from widgets.session import ConsoleSession


class AdminPanel(Panel):
    topics = frozenset({Topic.ORG})

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("adminPanel")
        self.unit = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("unitTree")
        self.tree.setHeaderLabels([self.tr("Unit"), self.tr("Kind"), self.tr("Phone"),
                                   self.tr("Fax")])
        self.tree.setColumnWidth(0, 300)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.fax = QLineEdit()
        self.email = QLineEdit()
        self.save = QPushButton(self.tr("Save unit"))
        self.save.setEnabled(False)
        self.import_btn = QPushButton(self.tr("Import file…"))
        self.users = QTreeWidget()
        self.users.setObjectName("userList")
        self.users.setHeaderLabels([self.tr("User"), self.tr("Name"), self.tr("Roles")])
        self.new_user = QPushButton(self.tr("New user…"))
        self.edit_user = QPushButton(self.tr("Edit user…"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Fax"), self.fax)
        form.addRow(self.tr("E-mail"), self.email)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_btn)
        buttons.addStretch()
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(QLabel(self.tr("<b>Organisation units</b>")))
        layout.addWidget(self.tree, 3)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("<b>Users</b>")))
        layout.addWidget(self.users, 2)
        user_buttons = QHBoxLayout()
        user_buttons.addStretch()
        user_buttons.addWidget(self.new_user)
        user_buttons.addWidget(self.edit_user)
        layout.addLayout(user_buttons)
        self.new_user.clicked.connect(lambda: self._user_dialog(None))
        self.edit_user.clicked.connect(self._edit_current_user)
        self.users.itemDoubleClicked.connect(lambda *_a: self._edit_current_user())
        self.tree.currentItemChanged.connect(self._select)
        self.save.clicked.connect(self._save)
        self.import_btn.clicked.connect(self._import)

    def query(self):  # type: ignore[no-untyped-def]
        ctx = self.session.ctx
        return lambda: (ctx.reference.units(), ctx.reference.users(), ctx.reference.desks())

    def present(self, result) -> None:  # type: ignore[no-untyped-def]
        units, users, self.desks = result
        self.accounts = users
        selected = self.unit.id if self.unit else None
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        pending = list(units)
        while pending:
            rest = []
            for u in pending:
                parent = items.get(u.parent_id) if u.parent_id else None
                if u.parent_id and parent is None:
                    rest.append(u)
                    continue
                item = QTreeWidgetItem([u.name, unit_kind_label(u.kind),
                                        u.phone or "", u.fax or ""])
                item.setData(0, 256, u)
                (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
                items[u.id] = item
                if u.id == selected:
                    self.tree.setCurrentItem(item)
            if len(rest) == len(pending):
                break
            pending = rest
        self.tree.expandAll()
        self.users.clear()
        for u in users:
            item = QTreeWidgetItem([u.username, u.full_name,
                                    ", ".join(role_label(r) for r in sorted(u.role_codes))])
            item.setData(0, 256, u)
            self.users.addTopLevelItem(item)

    def _select(self, item: QTreeWidgetItem | None, _prev=None) -> None:  # type: ignore[no-untyped-def]
        self.unit = item.data(0, 256) if item else None
        u = self.unit
        for w, v in ((self.name, u.name if u else ""), (self.phone, u.phone if u else ""),
                     (self.fax, u.fax if u else ""), (self.email, u.email if u else "")):
            w.setText(v or "")
        self.save.setEnabled(u is not None)

    def _save(self) -> None:
        s, u = self.session, self.unit
        if u is None:
            return
        ctx, user = s.ctx, s.user
        changes = {"name": self.name.text().strip(), "phone": self.phone.text().strip() or None,
                   "fax": self.fax.text().strip() or None,
                   "email": self.email.text().strip() or None}
        self.submit(lambda: ctx.reference.update_unit(user, u.id, u.version, **changes))

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import reference data"), "",
                                              self.tr("Site files (*.yaml *.yml *.csv)"))
        if not path:
            return
        s = self.session
        ctx, user = s.ctx, s.user

        def work():  # type: ignore[no-untyped-def]
            p = Path(path)
            data = parse_units_csv(p) if p.suffix.lower() == ".csv" else parse_yaml(p)
            return ctx.reference.import_site(user, data)

        def done(counts) -> None:  # type: ignore[no-untyped-def]
            QMessageBox.information(self, self.tr("Imported"), self.tr(
                "Imported {units} units, {desks} desks, {users} users.").format(**counts))

        self.submit(work, done)

    def _edit_current_user(self) -> None:
        item = self.users.currentItem()
        if item is not None:
            self._user_dialog(item.data(0, 256))

    def _user_dialog(self, account) -> None:  # type: ignore[no-untyped-def]
        from widgets.user_dialog import UserDialog  # noqa: PLC0415

        dlg = UserDialog(getattr(self, "desks", []), account, self)
        dlg.accepted.connect(lambda: self._save_user(dlg))
        self._dialog = dlg
        dlg.open()

    def _save_user(self, dlg) -> None:  # type: ignore[no-untyped-def]
        s, a = self.session, dlg.account
        ctx, user = s.ctx, s.user
        values = dict(full_name=dlg.full_name.text().strip(), roles=dlg.selected_roles(),
                      desk_id=dlg.desk.currentData(), title=dlg.title.text().strip() or None)
        password, active, username = dlg.password.text(), dlg.active.isChecked(), \
            dlg.username.text().strip()

        def work() -> None:
            if a is None:
                ctx.accounts.create_user(user, username, values["full_name"], password,
                                         values["roles"], desk_id=values["desk_id"],
                                         title=values["title"])
                return
            ctx.accounts.update_user(user, a.id, a.version, active=active, **values)
            if password:
                ctx.accounts.set_password(user, a.id, password)

        self.submit(work)
