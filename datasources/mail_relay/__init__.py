"""The site's e-mail relay (the SMTP server app/mail.py sends issued documents
through) as a source: its health by an EHLO (+ AUTH) + NOOP probe every interval;
live, down, auth failed or protocol error with the reason; its outages followed
by app/source_health.py. See readme.md."""

from datasources.mail_relay.source import (
    KIND,
    MailRelaySettings,
    MailRelaySimulator,
    MailRelaySource,
    source_info,
)

__all__ = ["KIND", "MailRelaySettings", "MailRelaySimulator", "MailRelaySource",
           "source_info"]
