"""Documents: the print models of every paper (`papers`), the shift papers' read
models (`printouts`: Appendix I and the handover report), the issuing of
Appendices II–V with their register numbers, archive and SHA-256 (`issuer`), and
the hand-off to the printers that forms/ installs (`rendering`)."""
