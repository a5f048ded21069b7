<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../../widgets/admin_panel.py" line="36"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="36"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="36"/>
        <location filename="../../widgets/admin_panel.py" line="49"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="36"/>
        <location filename="../../widgets/admin_panel.py" line="50"/>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="42"/>
        <source>Save unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="44"/>
        <source>Import file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="46"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="46"/>
        <location filename="../../widgets/admin_panel.py" line="48"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="46"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="51"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="57"/>
        <source>&lt;b&gt;Organisation units&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="61"/>
        <source>&lt;b&gt;Users&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="124"/>
        <source>Import reference data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="125"/>
        <source>Site files (*.yaml *.yml *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="137"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/admin_panel.py" line="138"/>
        <source>Imported {units} units, {desks} desks, {users} users.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DutyLogModel</name>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="72"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="73"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="74"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="75"/>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="76"/>
        <source>Place / related</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="77"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="78"/>
        <source>Written by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="79"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="147"/>
        <source>Refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="149"/>
        <source>Waiting for the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="151"/>
        <source>Written offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="153"/>
        <source>Correction: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/model.py" line="155"/>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DutyLogPanel</name>
    <message>
        <location filename="../../widgets/dutylog/panel.py" line="50"/>
        <source>This shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/panel.py" line="51"/>
        <source>Whole log (search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/panel.py" line="53"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/panel.py" line="57"/>
        <source>Unit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/panel.py" line="59"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/panel.py" line="72"/>
        <source>Search (no diacritics needed)… Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/panel.py" line="146"/>
        <source>Select a saved entry to correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/panel.py" line="212"/>
        <location filename="../../widgets/dutylog/panel.py" line="270"/>
        <source>{n} entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="44"/>
        <location filename="../../widgets/dutylog/form.py" line="172"/>
        <source>New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="52"/>
        <source>What was done, seen, directed or reported…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="56"/>
        <source>Scope: areas, gates, systems checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="61"/>
        <source>12-digit declaration number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="70"/>
        <source>Receiving or reporting unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="75"/>
        <source>Why the entry is corrected (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="79"/>
        <source>Save entry (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="81"/>
        <source>Clear (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="93"/>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="94"/>
        <source>&amp;Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="95"/>
        <source>Incident (case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="96"/>
        <source>C&amp;ontent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="97"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="98"/>
        <source>Occurred at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="99"/>
        <source>Received at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="100"/>
        <source>&amp;Place / area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="101"/>
        <source>Declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="102"/>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="103"/>
        <source>Vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="104"/>
        <source>C&amp;hannel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="105"/>
        <source>&amp;Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="106"/>
        <source>Reported at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="107"/>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="108"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="143"/>
        <source>— choose the incident —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dutylog/form.py" line="158"/>
        <source>Correct entry no. {seq}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="39"/>
        <source>Shift handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="41"/>
        <source>This shift (hand over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="42"/>
        <source>Previous shift (take over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="46"/>
        <source>Summary of the shift: what happened, what was done, what the next shift must know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="49"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="49"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="50"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="50"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="56"/>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="57"/>
        <source>Sign handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="59"/>
        <source>Acknowledge (take over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="61"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="62"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="74"/>
        <source>&lt;b&gt;I. Summary&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="76"/>
        <source>&lt;b&gt;II. Open items carried over&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="121"/>
        <source>Log signed up to entry #{seq}, hash {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="124"/>
        <source>Signed by {name} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover_dialog.py" line="127"/>
        <source>Acknowledged by {name} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login.py" line="36"/>
        <source>Screen locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="36"/>
        <location filename="../../widgets/login.py" line="61"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="38"/>
        <source>Duty room – online surveillance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="56"/>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="57"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="61"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="63"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="83"/>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="86"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="101"/>
        <source>Only {name} can unlock this console.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="41"/>
        <source>Duty room – online surveillance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="46"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="84"/>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="90"/>
        <source>Notices to units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="100"/>
        <source>Reference data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="131"/>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="132"/>
        <source>&amp;Lock screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="133"/>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="135"/>
        <source>E&amp;xit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="136"/>
        <source>&amp;Duty log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="137"/>
        <source>&amp;New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="138"/>
        <source>&amp;Correct selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="140"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="142"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="144"/>
        <source>&amp;Print the shift&apos;s log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="146"/>
        <source>&amp;Verify integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="147"/>
        <source>S&amp;hift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="148"/>
        <source>&amp;Handover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="149"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="152"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="153"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="166"/>
        <source>No shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="169"/>
        <source>Shift {start} → {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="183"/>
        <source>{n} entries waiting to be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="185"/>
        <source>{n} entries refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="193"/>
        <source>Office hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="194"/>
        <source>OUT OF OFFICE HOURS – report to the shift leader by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="215"/>
        <source>Preparing the duty log for printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="237"/>
        <source>Verifying the duty log&apos;s hash chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="242"/>
        <source>Duty log intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="243"/>
        <source>All {n} entries are intact and linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="245"/>
        <source>Duty log ALTERED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="246"/>
        <source>The chain breaks at entry #{seq}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="252"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="253"/>
        <source>Ctrl+N new entry · Ctrl+Enter save entry · Esc clear the form
Ctrl+E correct the selected entry · Ctrl+F search · F5 reload
Ctrl+P print the shift&apos;s log · Ctrl+Shift+V verify integrity
Ctrl+H handover · Ctrl+L lock the screen · Ctrl+Q exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="270"/>
        <source>Screen locked – {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../widgets/roster_panel.py" line="38"/>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="39"/>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="45"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="45"/>
        <source>Department on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="48"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="49"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="50"/>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="62"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="62"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="63"/>
        <source>Assignment (areas, cameras, systems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="71"/>
        <source>Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="72"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="73"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="74"/>
        <source>Save members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="87"/>
        <source>&lt;b&gt;Members of the current shift&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="134"/>
        <source>Week {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster_panel.py" line="142"/>
        <source>No rotation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <location filename="../../widgets/shift_panel.py" line="46"/>
        <source>Set the shift&apos;s focus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="54"/>
        <source>&lt;b&gt;Members&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="57"/>
        <source>&lt;b&gt;Focus of the shift&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="62"/>
        <source>&lt;b&gt;Open items for the handover&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="72"/>
        <source>No shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="75"/>
        <source>Shift of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="76"/>
        <source>From {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="78"/>
        <source>Department on duty: {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="79"/>
        <source>(rotation not published)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="86"/>
        <source>No members assigned yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="87"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="103"/>
        <source>Nothing open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="114"/>
        <source>Focus of the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/shift_panel.py" line="115"/>
        <source>What the shift watches closely:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../widgets/application.py" line="135"/>
        <source>The duty desk &apos;{code}&apos; is unknown and the database is unreachable: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/application.py" line="167"/>
        <source>The demo database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/application.py" line="235"/>
        <source>Cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/auth.py" line="82"/>
        <source>sign a handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="83"/>
        <source>acknowledge a handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="84"/>
        <source>correct a duty-log entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="85"/>
        <source>write in the duty log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="86"/>
        <source>approve the rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="87"/>
        <source>generate the rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="88"/>
        <source>edit reference data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="89"/>
        <source>manage users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="90"/>
        <source>set the shift&apos;s focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="91"/>
        <source>assign shift members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="119"/>
        <source>{user} is not allowed to {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="125"/>
        <source>A password needs at least 6 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="151"/>
        <location filename="../../app/cache.py" line="70"/>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="164"/>
        <source>Unknown role(s): {roles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth.py" line="181"/>
        <source>Unknown user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/db/engine.py" line="75"/>
        <location filename="../../app/handover.py" line="190"/>
        <location filename="../../app/handover.py" line="208"/>
        <location filename="../../app/handover.py" line="224"/>
        <location filename="../../app/notices.py" line="69"/>
        <location filename="../../app/notices.py" line="121"/>
        <location filename="../../app/org.py" line="304"/>
        <location filename="../../app/roster.py" line="171"/>
        <location filename="../../app/roster.py" line="229"/>
        <source>{what} was changed on another console in the meantime. Reload it; your changes were kept in the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/db/engine.py" line="81"/>
        <source>The database is unreachable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/db/engine.py" line="87"/>
        <source>The connection to the database was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/dutylog.py" line="101"/>
        <source>Unknown entry kind &apos;{kind}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/dutylog.py" line="104"/>
        <source>The entry needs a content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/dutylog.py" line="106"/>
        <location filename="../../app/notices.py" line="33"/>
        <source>Unknown channel &apos;{channel}&apos; (phone, fax, document, e-mail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/dutylog.py" line="110"/>
        <source>A directive needs its channel (phone, fax, document, e-mail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/dutylog.py" line="113"/>
        <source>A correction needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/dutylog.py" line="116"/>
        <source>A directive or result must belong to an incident (case).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/dutylog.py" line="193"/>
        <source>The entry to correct does not exist in this desk&apos;s log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/dutylog.py" line="248"/>
        <source>The incident this entry refers to does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/dutylog.py" line="255"/>
        <source>The incident belongs to another desk&apos;s log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/errors.py" line="70"/>
        <source>The import file has errors; nothing was imported:
{lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/handover.py" line="123"/>
        <location filename="../../app/handover.py" line="187"/>
        <source>The handover report does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/handover.py" line="130"/>
        <location filename="../../app/handover.py" line="140"/>
        <location filename="../../app/roster.py" line="117"/>
        <location filename="../../app/roster.py" line="169"/>
        <source>The shift does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/handover.py" line="163"/>
        <source>Only the leader of this shift can sign its handover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/handover.py" line="195"/>
        <source>Only a signed handover report can be acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/handover.py" line="198"/>
        <source>The incoming shift leader must be someone else than the signer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/handover.py" line="221"/>
        <source>The handover report is signed and can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/notices.py" line="37"/>
        <source>A notice needs a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/notices.py" line="68"/>
        <source>The notice does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/notices.py" line="96"/>
        <source>Unknown document type &apos;{t}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/org.py" line="283"/>
        <source>Unknown duty desk &apos;{code}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/org.py" line="302"/>
        <source>The unit no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/roster.py" line="137"/>
        <source>Unknown shift role &apos;{role}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/roster.py" line="140"/>
        <source>A shift has one shift leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/roster.py" line="187"/>
        <source>A rotation week starts on Monday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/roster.py" line="192"/>
        <source>The rotation needs the 7 professional departments; {count} are marked in the reference data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/roster.py" line="198"/>
        <source>The rotation of this week is already approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/roster.py" line="227"/>
        <source>The rotation does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/roster.py" line="233"/>
        <source>The rotation is {status}; it cannot become {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="65"/>
        <source>Office hours end ({end}) must be after they start ({start}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="69"/>
        <source>Unknown language &apos;{value}&apos; (expected vi or en).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="72"/>
        <source>office_days must list weekdays 0 (Monday) to 6 (Sunday).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="75"/>
        <source>The database URL &apos;{value}&apos; is not a valid URL (e.g. postgresql+psycopg://host/db or sqlite:///file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="80"/>
        <source>lock_after_minutes cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="87"/>
        <source>Setting {name} must be a time HH:MM, not &apos;{value}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="123"/>
        <source>Cannot read the settings file {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="127"/>
        <source>The settings file {path} must hold a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="131"/>
        <location filename="../../app/settings.py" line="163"/>
        <source>Setting {name} has the wrong type ({value!r}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="135"/>
        <source>The settings file {path} is from a newer version of the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="142"/>
        <source>Unknown setting(s) in {path}: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="147"/>
        <source>Invalid settings file {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/messages.py" line="26"/>
        <source>Unexpected error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/messages.py" line="34"/>
        <source>Changed on another console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/messages.py" line="36"/>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/messages.py" line="38"/>
        <source>Database unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/messages.py" line="40"/>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../widgets/labels.py" line="9"/>
        <source>Work done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="10"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="11"/>
        <source>Directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="12"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="13"/>
        <source>System fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="14"/>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="15"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="18"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="19"/>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="20"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="21"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="24"/>
        <source>Shift leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="25"/>
        <source>Room-level leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="26"/>
        <source>Clerk (General Affairs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="27"/>
        <source>Surveillance officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="30"/>
        <source>Director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="31"/>
        <source>Unit liaison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="32"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="35"/>
        <source>Database: online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="36"/>
        <source>Database: OFFLINE (entries kept on this console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="37"/>
        <source>Database: reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="38"/>
        <source>Database: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="41"/>
        <location filename="../../widgets/labels.py" line="46"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="42"/>
        <source>Signed by the outgoing leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="43"/>
        <source>Acknowledged (frozen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="47"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="48"/>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
