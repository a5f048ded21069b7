"""The login dialog and the screen lock. Logging in checks the shared database,
or the console's offline cache when the database is unreachable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.auth import CurrentUser
from app.errors import AuthenticationFailed, DatabaseUnavailable
from widgets.messages import message_of
from widgets.qt_tasks import QtTaskRunner


class LoginDialog(QDialog):
    """Asks for user name and password; `authenticated(CurrentUser, online)`."""

    authenticated = Signal(object, bool)

    def __init__(self, ctx, runner: QtTaskRunner, desk_name: str,  # type: ignore[no-untyped-def]
                 online_hint: str, parent: QWidget | None = None,
                 locked_user: CurrentUser | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.locked_user = locked_user
        self.online: bool | None = None
        self.setWindowTitle(self.tr("Screen locked") if locked_user else self.tr("Log in"))
        self.setModal(True)
        title = QLabel(self.tr("Duty room – online surveillance"))
        title.setObjectName("panelTitle")
        self.desk = QLabel(desk_name)
        self.desk.setObjectName("muted")
        self.state = QLabel(online_hint)
        self.state.setObjectName("muted")
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if locked_user is not None:
            self.username.setText(locked_user.username)
            self.username.setEnabled(False)
        self.error = QLabel()
        self.error.setStyleSheet("color: #f85149;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Unlock") if locked_user else self.tr("Log in"))
        if locked_user is not None:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Log out"))
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.desk)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.state)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        (self.password if locked_user else self.username).setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(380)

    def set_online(self, online: bool, text: str) -> None:
        self.online = online
        self.state.setText(text)

    def _try(self) -> None:
        username, password = self.username.text(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("Enter your user name and password."))
            return
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        ctx, online = self.ctx, self.online

        def work() -> tuple[CurrentUser, bool]:
            if online is not False:
                try:
                    return ctx.accounts.authenticate(username, password), True
                except DatabaseUnavailable:
                    pass
            return ctx.cache.authenticate(username, password), False

        def done(result: tuple[CurrentUser, bool]) -> None:
            user, is_online = result
            self.buttons.setEnabled(True)
            if self.locked_user is not None and user.id != self.locked_user.id:
                self.error.setText(self.tr("Only {name} can unlock this console.").format(
                    name=self.locked_user.full_name))
                return
            self.error.clear()
            self.authenticated.emit(user, is_online)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.password.selectAll()
            self.password.setFocus()
            self.error.setText(message_of(exc)
                               if isinstance(exc, AuthenticationFailed | DatabaseUnavailable)
                               else message_of(exc))

        self.runner.submit(work, done, failed, owner=self)
