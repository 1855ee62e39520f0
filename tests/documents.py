"""Real documents written by the tests themselves (no binary fixtures): PDFs with Chinese
text through reportlab's built-in CID font, Word files through python-docx, and a saved
web page around one of the bundled articles, with the page chrome a real site has."""

from __future__ import annotations

import html
import io
import random
import struct
import zipfile
from pathlib import Path

from tests.conftest import ROOT

BODIES = ROOT / "tests" / "fixtures" / "bodies"
# The bundled article 003 (大众网, Simplified), as the tests' web page and PDF carry it.
TITLE_003 = "“千县工程”再发力!山大二院助力乡村医疗服务提质增效三年行动在莘县拉开帷幕"
URL_003 = "https://health.dzwww.com/xwzx/202404/t20240429_13963402.htm"


def body_paragraphs(stem: str = "003") -> list[str]:
    path = next(BODIES.glob(f"{stem}_*.txt"))
    return [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def make_pdf(
    path: Path,
    pages: list[list[str]],
    *,
    title: str | None = None,
    author: str | None = None,
    wrap: int = 32,
    encrypt: str | None = None,
) -> Path:
    """A PDF with one page per item of `pages`; each paragraph is wrapped at `wrap`
    characters a line, as a word processor lays out Chinese text between its margins."""
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), encrypt=encrypt)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    for paragraphs in pages:
        c.setFont(font, 11)
        y = 800.0
        for paragraph in paragraphs:
            for i in range(0, len(paragraph), wrap):
                c.drawString(50, y, paragraph[i : i + wrap])
                y -= 15
            y -= 8
        c.showPage()
    c.save()
    return path


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF as a scanner writes it: each page one picture, no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rng = random.Random(7)
    c = canvas.Canvas(str(path))
    for _ in range(pages):
        image = Image.new("L", (120, 160), 255)
        image.putdata([rng.choice((0, 255)) for _ in range(120 * 160)])
        c.drawImage(ImageReader(image), 50, 300, width=480, height=480)
        c.showPage()
    c.save()
    return path


def make_docx(path: Path, *, title: str | None = None, author: str | None = None) -> Path:
    """A Word file: a heading, a paragraph, a table (a cell merged down two rows, one merged
    across two columns), a closing paragraph."""
    import docx

    document = docx.Document()
    document.add_heading("胜利油田中心医院专家派驻东营市第二人民医院", level=1)
    document.add_paragraph(
        "3月18日,胜利油田中心医院首批派驻专家到东营市第二人民医院开展工作,"
        "双方签署紧密型医联体合作协议。"
    )
    table = document.add_table(rows=4, cols=3)
    rows = [
        ("派驻医院", "科室", "专家人数"),
        ("胜利油田中心医院", "心内科", "3"),
        ("胜利油田中心医院", "神经内科", "2"),
        ("合计", "", "5"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(1, 0).merge(table.cell(2, 0))  # one hospital cell spanning two rows
    table.cell(1, 0).text = "胜利油田中心医院"
    table.cell(3, 0).merge(table.cell(3, 1))  # "合计" across two columns
    table.cell(3, 0).text = "合计"
    document.add_paragraph("专家共71名,其中常驻专家17名、坐诊专家54名。")
    if title is not None:
        document.core_properties.title = title
    if author is not None:
        document.core_properties.author = author
    document.save(str(path))
    return path


def zip_declaring(size: int) -> bytes:
    """A tiny zip whose central directory declares `size` bytes uncompressed for its member:
    what a zip bomb's directory looks like, without the bomb."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buf.getvalue())
    at = data.rfind(b"PK\x01\x02")  # the last member's central directory entry
    struct.pack_into("<I", data, at + 24, size)  # its uncompressed size
    return bytes(data)


def zip_inflating(mib: int) -> bytes:
    """A real zip whose member inflates `mib` MiB of zeros from a few KiB (ratio ~1000:1)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            block = b"\0" * 2**20
            for _ in range(mib):
                member.write(block)
    return buf.getvalue()


def article_page(stem: str = "003", *, metadata: bool = True) -> str:
    """The bundled article as its outlet's web page: navigation, an ad, share buttons, an
    editor line, a list of other headlines, a sidebar and a footer around the article. With
    `metadata`, the head carries the usual meta tags (og:title, author, published time,
    canonical URL); without, only the visible page says when and by whom."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body_paragraphs(stem))
    head = (
        f'<meta property="og:title" content="{TITLE_003}">'
        '<meta property="og:site_name" content="大众网">'
        '<meta name="author" content="大众网记者 岳霄远 通讯员 袁玉起 聊城报道">'
        '<meta property="article:published_time" content="2024-04-29T10:25:00+08:00">'
        f'<link rel="canonical" href="{URL_003}">'
        if metadata
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{TITLE_003}_大众网</title>{head}
<script>var _hmt = _hmt || []; window.slot = "北约峰会 比亚迪";</script>
<style>body {{ font-family: sans-serif }} .ad {{ color: red }}</style>
</head><body>
<header><div class="logo">大众网</div>
<nav><ul><li><a href="/">网易首页</a></li><li><a href="/news">新闻</a></li>
<li><a href="/health">健康</a></li><li><a href="/auto">汽车</a></li>
<li><a href="/my">我的订阅</a></li><li><a href="/a11y">无障碍浏览</a></li></ul></nav></header>
<div class="ad"><a href="https://ads.example.com/byd">比亚迪新车限时优惠,点击了解详情</a></div>
<div class="container"><div class="main"><article>
<h1>{TITLE_003}</h1>
<div class="info">类别:健康 发布时间:2024-04-29 10:25:00 来源:大众网</div>
<div class="byline">大众网记者 岳霄远 通讯员 袁玉起 聊城报道</div>
<div class="content">
{paragraphs}
</div>
<div class="share">分享至:微信 微博 QQ空间 微信扫一扫</div>
<div class="editor">责任编辑:王某某 初审编辑:李某某</div>
</article>
<div class="related"><h3>相关推荐</h3><ul>
<li><a href="/a1">北约峰会在华盛顿召开,多国领导人出席</a></li>
<li><a href="/a2">益生菌真的有用吗?专家这样说</a></li>
<li><a href="/a3">比亚迪发布全新车型,续航突破千公里</a></li></ul></div>
</div>
<aside class="sidebar"><h3>热点新闻</h3><ul>
<li><a href="/b1">某明星官宣恋情引发热议</a></li>
<li><a href="/b2">头条要闻:夏季养生小常识</a></li></ul></aside>
</div>
<footer><p>大众网版权所有 鲁ICP备09023866号 广告热线:0531-85193500</p>
<p>想爆料?请登录大众网爆料平台</p></footer>
</body></html>"""
