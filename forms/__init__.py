"""Printed forms of the duty room (Decision 888/QĐ-TCHQ), rendered to PDF with reportlab.

`forms.model` is the print model the core fills (plain dataclasses, no
reportlab); `forms.appendix1` prints the duty log (Appendix I),
`forms.handover_report` the shift handover report; `forms.pdf` holds the page
machinery (fonts, national header, styles, footer) that further appendices
reuse. Import the renderers from their modules: importing this package loads
neither reportlab nor Qt. Previews and printing live in `widgets.print_preview`.
"""
