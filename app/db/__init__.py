"""Storage: engine, typed models, migrations, change notification, outbox."""
