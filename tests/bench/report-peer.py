#!/usr/bin/python3
# The peer of the report benchmark: python3-xlsxwriter (Debian package)
# writing the same raw call rows, read from the same database, in its
# constant-memory mode.  Prints "WALL_SECONDS PEAK_RSS_KB CPU_SECONDS".
#   report-peer.py DB OUT.xlsx
import resource
import sqlite3
import sys
import time

import xlsxwriter

OUTCOMES = ["other", "connected", "no answer", "busy", "rejected", "invalid number",
            "unreachable", "line failure", "voicemail"]
DISPOSITIONS = ["", "sale", "interested", "callback", "not interested", "do-not-call request"]
HEADER = ["Time", "Call ID", "Number (masked)", "Outcome", "Outcome (as imported)", "Talk (s)",
          "Ring (s)", "Agent ID", "Agent", "Line", "List", "Campaign", "Segment", "Disposition",
          "Sale (CNY)"]
ROWS_PER_SHEET = 1048575
OFFSET = 8 * 3600  # Asia/Shanghai, as the report's business time zone

start = time.monotonic()
db = sqlite3.connect(sys.argv[1])
wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
datetime_format = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
cny = wb.add_format({"num_format": "[$¥-804]#,##0.00"})
ws = None
on_sheet = 0
sheets = 0
for row in db.execute("SELECT start_ts, call_uid, phone_masked, outcome, outcome_raw, talk_s, ring_s,"
                      " agent_id, agent_name, line, list, campaign, segment, disposition, sale_amount"
                      " FROM calls ORDER BY id"):
    if ws is None or on_sheet == ROWS_PER_SHEET:
        sheets += 1
        ws = wb.add_worksheet("Raw calls" if sheets == 1 else "Raw calls %d" % sheets)
        for c, h in enumerate(HEADER):
            ws.write_string(0, c, h)
        on_sheet = 0
    on_sheet += 1
    r = on_sheet
    ws.write_number(r, 0, (row[0] + OFFSET) / 86400.0 + 25569.0, datetime_format)
    for c, v in ((1, row[1]), (2, row[2])):
        if v:
            ws.write_string(r, c, v)
    ws.write_string(r, 3, OUTCOMES[row[3]] if 0 <= row[3] < len(OUTCOMES) else "other")
    if row[4]:
        ws.write_string(r, 4, row[4])
    ws.write_number(r, 5, row[5])
    if row[6] is not None:
        ws.write_number(r, 6, row[6])
    for c in range(6):
        if row[7 + c]:
            ws.write_string(r, 7 + c, row[7 + c])
    if row[13]:
        ws.write_string(r, 13, DISPOSITIONS[row[13]] if 0 <= row[13] < len(DISPOSITIONS) else "")
    if row[14] is not None:
        ws.write_number(r, 14, row[14], cny)
wb.close()
elapsed = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print("%.2f %d %.2f" % (elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime))
