"""The admin's user editor: a new account, or roles, desk, status and password of
an existing one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.auth import MIN_PASSWORD_LENGTH, Role
from widgets.labels import role_label


class UserDialog(QDialog):
    """Collects the values; the admin panel writes them through the core."""

    def __init__(self, desks: list, account=None, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.account = account
        self.setWindowTitle(self.tr("Edit user") if account else self.tr("New user"))
        self.username = QLineEdit(account.username if account else "")
        self.username.setEnabled(account is None)
        self.full_name = QLineEdit(account.full_name if account else "")
        self.title = QLineEdit(account.title or "" if account else "")
        self.desk = QComboBox()
        self.desk.addItem(self.tr("(none)"), None)
        for d in desks:
            self.desk.addItem(d.name, d.id)
        if account is not None and account.desk_id:
            self.desk.setCurrentIndex(max(0, self.desk.findData(account.desk_id)))
        self.active = QCheckBox(self.tr("Account active"))
        self.active.setChecked(account.active if account else True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Leave empty to keep the password")
                                         if account else self.tr("At least {n} characters")
                                         .format(n=MIN_PASSWORD_LENGTH))
        self.roles: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        current = account.role_codes if account else frozenset()
        for i, role in enumerate(Role):
            box = QCheckBox(role_label(role.value))
            box.setChecked(role.value in current)
            self.roles[role.value] = box
            grid.addWidget(box, i // 2, i % 2)
        self.error = QLabel()
        self.error.setStyleSheet("color: #f85149;")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Desk"), self.desk)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("<b>Roles</b>")))
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def selected_roles(self) -> list[str]:
        return [code for code, box in self.roles.items() if box.isChecked()]

    def _accept(self) -> None:
        if not self.username.text().strip() or not self.full_name.text().strip():
            self.error.setText(self.tr("User name and full name are required."))
        elif not self.selected_roles():
            self.error.setText(self.tr("Choose at least one role."))
        elif self.account is None and len(self.password.text()) < MIN_PASSWORD_LENGTH:
            self.error.setText(self.tr("A password needs at least {n} characters.")
                               .format(n=MIN_PASSWORD_LENGTH))
        else:
            self.accept()
