"""The core of the duty-room client: domain, storage and services. Imports no Qt."""
