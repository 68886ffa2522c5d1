"""Charts as matplotlib Figures built from plain data: no pyplot, no Qt.

Importing this package registers the Chinese font with matplotlib, so charts never show empty boxes.
"""

from branchdesk.charts.fonts import register_chinese_font

CHART_FONT_FAMILY = register_chinese_font()
