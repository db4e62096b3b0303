"""Every builder, parallel against serial, and incremental rebuilds."""

from __future__ import annotations

import re

import pytest

from .helpers import body, links

BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man"]


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_succeeds(make_app, rootdir, sphinx_test_tempdir, builder):
    srcdir = sphinx_test_tempdir / f"builder-{builder}"
    if not srcdir.exists():
        import shutil

        shutil.copytree(rootdir / "test-glossary", srcdir)
        shutil.copy(rootdir / "test-basic" / "explicit.rst", srcdir / "explicit.rst")
        with (srcdir / "index.rst").open("a", encoding="utf-8") as index:
            index.write("   explicit\n")
    app = make_app(builder, srcdir=srcdir, confoverrides={"version": "1", "copyright": "x"})
    app.build()
    assert app.statuscode == 0
    assert "WARNING" not in app.warning.getvalue()
    if builder == "text":
        assert "quokka network" in (app.outdir / "index.txt").read_text(encoding="utf-8")


@pytest.mark.sphinx("singlehtml", testroot="basic", srcdir="single")
def test_singlehtml_links_to_the_generated_page(app):
    app.build()
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="glossary-terms.html#dlglossary-quokka-network"' in index
    assert (app.outdir / "glossary-terms.html").is_file()


@pytest.mark.sphinx("dirhtml", testroot="basic", srcdir="dirhtml")
def test_dirhtml_links_to_the_generated_page(app):
    app.build()
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="glossary-terms/#dlglossary-quokka-network"' in index
    assert (app.outdir / "glossary-terms" / "index.html").is_file()


def _own_warnings(log):
    # A second app in one process re-registers Sphinx's nodes; that is not ours.
    return [line for line in log.splitlines() if "WARNING" in line and "already registered" not in line]


def _pages(outdir):
    return {
        path.relative_to(outdir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob("*.html"))
    }


def test_parallel_build_matches_serial(make_app, rootdir, sphinx_test_tempdir):
    import shutil

    outputs = []
    for jobs in (1, 2):
        srcdir = sphinx_test_tempdir / f"parallel-{jobs}"
        if srcdir.exists():
            shutil.rmtree(srcdir)
        shutil.copytree(rootdir / "test-glossary", srcdir)
        for number in range(12):
            (srcdir / f"page{number}.rst").write_text(
                f"Page {number}\n=======\n\nA quokka network page, :term:`dropout`"
                f"{' and a wombat layer' if number % 2 else ''}.\n",
                encoding="utf-8",
            )
        with (srcdir / "index.rst").open("a", encoding="utf-8") as index:
            index.write("".join(f"   page{n}\n" for n in range(12)))
        app = make_app("html", srcdir=srcdir, parallel=jobs)
        app.build()
        assert _own_warnings(app.warning.getvalue()) == []
        outputs.append(_pages(app.outdir))
    serial, parallel = outputs
    assert serial.keys() == parallel.keys()
    for name in serial:
        assert serial[name] == parallel[name], name


@pytest.mark.sphinx("html", testroot="basic", srcdir="incremental")
def test_incremental_build_follows_page_and_glossary_changes(app, make_app):
    app.build()
    assert links(body(app.outdir, "off")) == []
    # A page changes: only it is re-read, and its links follow.
    (app.srcdir / "off.rst").write_text(
        "Page\n====\n\nA wombat layer.\n", encoding="utf-8"
    )
    again = make_app("html", srcdir=app.srcdir)
    again.build()
    assert ("glossary-terms.html#dlglossary-wombat-layer", "wombat layer") in links(
        body(again.outdir, "off")
    )
    # The glossary file changes: every page is re-read with the new store.
    terms = app.srcdir / "terms.toml"
    terms.write_text(
        terms.read_text(encoding="utf-8").replace('summary = "A made-up layer used only by the tests."',
                                                  'summary = "A renamed summary."'),
        encoding="utf-8",
    )
    third = make_app("html", srcdir=app.srcdir)
    third.build()
    assert 'title="A renamed summary."' in body(third.outdir, "index")
    assert "A renamed summary." in body(third.outdir, "glossary-terms")
    assert re.search(r"reading sources\.\.\. .*index", third.status.getvalue())


@pytest.mark.sphinx("html", testroot="basic", srcdir="rebuild-in-process")
def test_a_second_build_of_the_same_app_follows_a_new_glossary_directive(app):
    # Where links go is worked out once per build; a page read again must reset that.
    app.build()
    assert ("glossary-terms.html#dlglossary-quokka-network", "quokka network") in links(
        body(app.outdir, "index")
    )
    (app.srcdir / "off.rst").write_text(
        ":dlglossary: off\n\nOff page\n========\n\n.. dlglossary::\n", encoding="utf-8"
    )
    app.build()
    assert ("off.html#dlglossary-quokka-network", "quokka network") in links(
        body(app.outdir, "index")
    )
