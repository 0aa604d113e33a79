#!/usr/bin/env python3
"""make-arabic-font.py OUT_DIR — the Arabic-script faces of the portal (Dari/Farsi, Arabic):
OUT_DIR/NotoSansArabicUI-Regular.ttf and -Bold.ttf.
make-arabic-font.py --names FACE LANGUAGES_JSON OUT — the language-names face: FACE (the Regular face
above) cut to the glyphs of the names siaga-pack shaped into LANGUAGES_JSON ("glyphs"), private-use codes
kept, so the first screen's menu names دری / فارسی and العربية in their own script
with a file of about a kilobyte, long before the shaper module and the whole face are wanted.

Noto Sans Arabic UI from Debian's fonts-noto-ui-core (its line box matches Noto Sans, so mixed lines keep
one height), cut to the Arabic alphabet with the Persian (پ چ ژ گ ک ی) and Pashto letters, the harakat,
Arabic-Indic and Persian digits, Arabic punctuation, ZWNJ/ZWJ/LRM/RLM, unhinted, with the OpenType
features that join and position the letters.

HarfBuzz (the shaper module, src/rtl/) reads the same file and gives glyph ids; Dear ImGui draws them
through a private-use cmap this script adds: U+E000 + glyph id -> that glyph. So stock ImGui and
stb_truetype draw shaped text (docs: /work/shared/research/rtl-languages.md section 7). The shaper and
the atlas must use this very file: glyph ids change with the subset. The Bold face has the same glyph
order as the Regular one (checked here), so a line shaped with Regular is drawn in Bold by the same
private-use string (headings, bold runs).
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

PUA_BASE = 0xE000

def _r(a, b):
    return list(range(a, b + 1))


UNICODES = (
    [0x060C, 0x061B, 0x061F, 0x066A, 0x066B, 0x066C, 0x06D4]  # Arabic comma, semicolon, question mark, % and separators
    + _r(0x0621, 0x063A) + _r(0x0640, 0x0655) + [0x0670, 0x0671]  # Arabic letters, tatweel, harakat, hamza marks
    + _r(0x0660, 0x0669) + _r(0x06F0, 0x06F9)  # Arabic-Indic and Persian digits
    + [0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC, 0x06C0, 0x06BE, 0x06C1, 0x06D5]  # Persian پ چ ژ ک گ ی ۀ ھ
    + [0x067C, 0x0681, 0x0685, 0x0689, 0x0693, 0x0696, 0x069A, 0x06AB, 0x06BC, 0x06CD, 0x06D0]  # Pashto ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ ې
    + [0x0020, 0x00A0, 0x200C, 0x200D, 0x200E, 0x200F, 0x25CC]  # spaces, ZWNJ, ZWJ, LRM, RLM, dotted circle
)
FEATURES = "ccmp,locl,isol,init,medi,fina,rlig,liga,calt,mark,mkmk,curs,kern"


NOTO = "/usr/share/fonts/truetype/noto/NotoSansArabicUI-{}.ttf"


def make(src, out):
    options = subset.Options()
    options.layout_features = FEATURES.split(",")
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.drop_tables += ["DSIG"]
    font = TTFont(src)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    # Every glyph, also the contextual forms no codepoint maps to, under U+E000 + its id.
    order = font.getGlyphOrder()
    if PUA_BASE + len(order) > 0xF8FF:
        sys.exit("make-arabic-font: too many glyphs for the private use area")
    for table in font["cmap"].tables:
        if table.isUnicode() and table.format in (4, 12):
            for gid, name in enumerate(order):
                table.cmap[PUA_BASE + gid] = name
    font.save(out)
    print(f"make-arabic-font: {out}: {len(order)} glyphs (PUA U+E000..U+{PUA_BASE + len(order) - 1:04X})")
    return order


def names(face, languages_json, out):
    import json
    with open(languages_json, encoding="utf-8") as f:
        languages = json.load(f)["languages"]
    codes = sorted({ord(c) for entry in languages for c in entry.get("glyphs", "") if PUA_BASE <= ord(c) <= 0xF8FF})
    if not codes:
        sys.exit(f"make-arabic-font: {languages_json} has no shaped names (was siaga-pack given the Arabic face?)")
    options = subset.Options()
    # Glyph ids are renumbered, but the private-use cmap still maps each code to its glyph, and ImGui
    # looks glyphs up by code only.
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.drop_tables += ["DSIG", "GSUB", "GPOS", "GDEF"]
    font = TTFont(face)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    font.save(out)
    print(f"make-arabic-font: {out}: {len(codes)} glyphs of the language names")


def main():
    if sys.argv[1] == "--names":
        names(sys.argv[2], sys.argv[3], sys.argv[4])
        return
    out_dir = sys.argv[1]
    regular = make(NOTO.format("Regular"), f"{out_dir}/NotoSansArabicUI-Regular.ttf")
    bold = make(NOTO.format("Bold"), f"{out_dir}/NotoSansArabicUI-Bold.ttf")
    if regular != bold:
        sys.exit("make-arabic-font: Regular and Bold differ in glyph order; bold text would be drawn wrong")


if __name__ == "__main__":
    main()
