"""Fill translations into a .ts from a JSON map {source: translation}: python tools/fill_translations.py TS MAP.json"""
import json, sys
import xml.etree.ElementTree as ET
ts, mapping = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
tree = ET.parse(ts)
missing = []
for message in tree.getroot().iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    if source in mapping:
        translation.text = mapping[source]
        translation.attrib.pop("type", None)
    elif translation.get("type") == "unfinished" or not translation.text:
        missing.append(source)
with open(ts, "wb") as handle:
    handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(handle, encoding="utf-8", xml_declaration=False)
print("still missing:", len(missing))
for m in missing: print("  ", m)
