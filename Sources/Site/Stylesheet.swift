extension PageRenderer {
    /// The site's one stylesheet (`style.css`). Colours are custom properties so that dark mode
    /// (`prefers-color-scheme: dark`) only swaps them; figures keep a white card in both.
    ///
    /// Layout: a header (course title, search), then three columns on a wide screen (the course's
    /// lessons, the page, its table of contents), two on a medium one (the contents above the
    /// page), one on a phone (contents, page, then the lessons). Every column is `minmax(0, …)`
    /// so a long line of code or output scrolls inside its own box, never the page.
    public static let stylesheet = baseStyles + "\n" + layoutStyles + "\n" + SearchIndex.searchStyles + "\n" + darkAndPrintStyles

    static let baseStyles = """
    :root { color-scheme: light dark; --bg: #fafafa; --surface: #fff; --fg: #1d1d1f; --muted: #57606a; --faint: #8c959f; --border: #d0d7de; --border-soft: #eaecef; --code-bg: #f5f7fa; --inline-code-bg: #f0f2f5; --link: #0969da; --accent: #1f77b4; --header-bg: #24292f; --header-fg: #fff; --error-bg: #fff5f5; --error-border: #f1b0b0; --error-fg: #b31d28; --current-bg: #e7f0fa; --mark: #fff3b0; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
    a { color: var(--link); }
    h1, h2, h3 { line-height: 1.25; }
    pre { overflow-x: auto; padding: .7rem .9rem; border-radius: 6px; font: 13.5px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
    .code { position: relative; margin: .8rem 0; }
    .code pre { background: var(--code-bg); border: 1px solid var(--border-soft); margin: 0; }
    .experiment > .code { margin: 0 0 .4rem; }
    .experiment { position: relative; margin: 1.2rem 0; scroll-margin-top: 1rem; }
    .experiment .label { font: 12px ui-monospace, monospace; color: var(--muted); margin-bottom: .2rem; overflow-wrap: anywhere; }
    .experiment-code pre { border-left: 4px solid var(--accent); }
    .output { margin: .4rem 0; }
    pre.output.text, pre.output.value { background: var(--surface); border: 1px dashed var(--border); }
    pre.output.value { color: var(--muted); }
    pre.output.error { background: var(--error-bg); border: 1px solid var(--error-border); color: var(--error-fg); white-space: pre-wrap; overflow-wrap: anywhere; }
    figure.output { margin: .6rem 0; }
    figure.output img { display: block; max-width: 100%; height: auto; background: #fff; border-radius: 4px; }
    figure.numbered { margin: 1rem 0; scroll-margin-top: 1rem; }
    figcaption { margin-top: .4rem; color: var(--muted); font-size: .93em; }
    .figure-number { font-weight: 600; color: var(--fg); }
    .figure-missing { font-style: italic; }
    .xref { white-space: nowrap; }
    .xref-missing { color: var(--error-fg); font-weight: 600; }
    .problems { background: var(--error-bg); border: 1px solid var(--error-border); padding: .2rem 1rem; border-radius: 6px; }
    .problems pre { white-space: pre-wrap; overflow-wrap: anywhere; }
    .parameters { font-size: .9em; color: var(--muted); margin: .2rem 0; }
    .failed { color: var(--error-fg); font-size: .9em; }
    .draft-note { background: var(--mark); color: #1d1d1f; padding: .4rem .8rem; border-radius: 6px; }
    h1, h2, h3, h4, h5, h6 { position: relative; scroll-margin-top: 1rem; }
    .anchor { margin-left: .3em; font-weight: 400; color: var(--faint); text-decoration: none; opacity: 0; transition: opacity .15s; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, h5:hover .anchor, h6:hover .anchor, .anchor:focus { opacity: 1; }
    .anchor:hover { color: var(--link); }
    .block-anchor { position: absolute; z-index: 2; left: -1.5rem; top: .45rem; margin: 0; font: 600 15px/1 system-ui, sans-serif; padding: .15rem .25rem; }
    .experiment:hover .block-anchor, .block-anchor:focus { opacity: 1; }
    @media (hover: none) { .anchor { opacity: .4; } }
    .copy-button { position: absolute; top: .35rem; right: .35rem; z-index: 1; font: 12px system-ui, sans-serif; padding: .15rem .5rem; border: 1px solid var(--border); border-radius: 4px; background: var(--surface); color: var(--muted); cursor: pointer; opacity: .75; }
    .copy-button:hover, .copy-button:focus { opacity: 1; color: var(--fg); }
    math { font-family: math, "STIX Two Math", "Latin Modern Math", "DejaVu Math TeX Gyre", serif; font-size: 1.08em; }
    .nowrap { white-space: nowrap; }
    .math-display { display: block; margin: .9rem 0; overflow-x: auto; overflow-y: hidden; padding: .1rem 0; }
    .math-error { display: inline-block; padding: 0 .35em; border: 1px solid var(--error-border); border-radius: 4px; background: var(--error-bg); color: var(--error-fg); font: 13px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
    div.math-error { display: block; padding: .4rem .7rem; }
    .table-wrap { margin: 1rem 0; overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { padding: .35rem .75rem; border: 1px solid var(--border); vertical-align: top; }
    thead th { background: var(--code-bg); font-weight: 600; text-align: start; }
    tbody tr:nth-child(even) { background: var(--bg); }
    del { color: var(--muted); }
    blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid var(--border); color: var(--muted); }
    .footnotes { margin-top: 2.5rem; border-top: 1px solid var(--border); font-size: .92em; color: var(--muted); }
    .footnotes li:target { background: rgba(31, 111, 235, .08); }
    .footnote-ref a, .footnote-back { text-decoration: none; }
    .admonition { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #1f6feb; border-radius: 4px; background: rgba(31, 111, 235, .06); }
    .admonition-title { margin: 0 0 .3rem; font-weight: 600; color: #1f6feb; }
    .admonition.tip { border-color: #1a7f37; background: rgba(26, 127, 55, .06); } .admonition.tip .admonition-title { color: #1a7f37; }
    .admonition.important { border-color: #8250df; background: rgba(130, 80, 223, .06); } .admonition.important .admonition-title { color: #8250df; }
    .admonition.warning { border-color: #9a6700; background: rgba(154, 103, 0, .07); } .admonition.warning .admonition-title { color: #9a6700; }
    .admonition.caution { border-color: #cf222e; background: rgba(207, 34, 46, .06); } .admonition.caution .admonition-title { color: #cf222e; }
    code { font: .9em ui-monospace, "DejaVu Sans Mono", monospace; }
    pre code { font: inherit; }
    p code, li code, td code, th code, h1 code, h2 code, h3 code { padding: .1em .3em; background: var(--inline-code-bg); border-radius: 4px; overflow-wrap: anywhere; }
    img { max-width: 100%; height: auto; }
    .kw { color: #d73a49; } .str { color: #032f62; } .num { color: #005cc5; } .com { color: #6a737d; font-style: italic; } .fn { color: #6f42c1; }
    """

    static let layoutStyles = """
    .skip-link { position: absolute; left: -999px; top: .5rem; background: var(--surface); padding: .3rem .6rem; z-index: 20; }
    .skip-link:focus { left: .5rem; }
    .site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1.2rem; padding: .45rem 1.5rem; background: var(--header-bg); color: var(--header-fg); }
    .site-title { color: var(--header-fg); text-decoration: none; font-weight: 600; font-size: 1.05rem; }
    .site-header .lectern-search { flex: 1 1 16rem; min-width: 0; margin: 0 0 0 auto; max-width: 26rem; }
    .to-lessons { display: none; color: var(--header-fg); font-size: .9rem; }
    .layout { display: grid; grid-template-columns: 16rem minmax(0, 1fr) 15rem; grid-template-areas: "nav main toc"; gap: 0 2rem; max-width: 90rem; margin: 0 auto; }
    .sidebar { grid-area: nav; position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; padding: 1rem .5rem 2rem 1.2rem; font-size: .93rem; }
    .sidebar .course-title { margin: 0 0 .6rem; font-weight: 700; font-size: 1rem; }
    .sidebar .course-title a { color: var(--fg); text-decoration: none; }
    .part-title { margin: 1rem 0 .3rem; font-size: .78rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
    .lesson-list { list-style: none; margin: 0; padding: 0; }
    .lesson-list a { display: block; padding: .25rem .5rem; border-radius: 5px; color: var(--fg); text-decoration: none; overflow-wrap: anywhere; }
    .lesson-list a:hover { background: var(--code-bg); }
    .lesson-list a[aria-current="page"] { background: var(--current-bg); color: var(--link); font-weight: 600; }
    main { grid-area: main; min-width: 0; padding: 1rem 2rem 4rem; background: var(--surface); overflow-wrap: break-word; }
    .toc { grid-area: toc; position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; padding: 1.4rem 1rem 2rem 0; font-size: .88rem; }
    .toc-title { margin: 0 0 .4rem; font-weight: 700; color: var(--muted); font-size: .78rem; letter-spacing: .04em; text-transform: uppercase; }
    .toc ol { list-style: none; margin: 0; padding: 0; }
    .toc ol ol { padding-left: .9rem; }
    .toc a { display: block; padding: .15rem 0; color: var(--muted); text-decoration: none; overflow-wrap: anywhere; }
    .toc a:hover { color: var(--link); }
    .page-tools { display: flex; flex-wrap: wrap; gap: .5rem 1rem; justify-content: flex-end; margin: 0 0 -.5rem; font-size: .9rem; }
    .pager { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border-soft); }
    .pager a { flex: 1 1 14rem; display: block; padding: .6rem .9rem; border: 1px solid var(--border); border-radius: 6px; text-decoration: none; min-width: 0; overflow-wrap: anywhere; }
    .pager a:hover { border-color: var(--link); }
    .pager .next { text-align: right; }
    .pager small { display: block; color: var(--muted); }
    .course-intro .author { color: var(--muted); margin-top: -.5rem; }
    .lesson-index { padding-left: 1.4rem; }
    .lesson-index li { margin: .5rem 0; }
    .lesson-index .description { margin: .1rem 0 0; color: var(--muted); font-size: .95em; }
    @media (max-width: 1199px) {
      .layout { grid-template-columns: 15rem minmax(0, 1fr); grid-template-areas: "nav toc" "nav main"; }
      .sidebar { grid-row: 1 / span 2; }
      .toc { position: static; max-height: none; padding: 1rem 2rem 0; background: var(--surface); }
    }
    @media (max-width: 799px) {
      .layout { grid-template-columns: minmax(0, 1fr); grid-template-areas: "toc" "main" "nav"; gap: 0; }
      .sidebar { grid-row: auto; position: static; max-height: none; padding: 1rem 1rem 2rem; border-top: 1px solid var(--border); }
      .toc { padding: .8rem 1rem 0; }
      .toc > nav { border: 1px solid var(--border-soft); border-radius: 6px; padding: .5rem .8rem; }
      main { padding: .5rem 1rem 3rem; }
      .site-header { padding: .45rem 1rem; }
      .to-lessons { display: inline; }
      .block-anchor { left: auto; right: 4.2rem; top: .35rem; }
      /* A wide table scrolls in its box rather than squeezing each column to its longest word. */
      .table-wrap table { width: max-content; }
      th, td { padding: .3rem .5rem; max-width: 15rem; }
    }
    """

    static let darkAndPrintStyles = """
    @media (prefers-color-scheme: dark) {
      :root { --bg: #0d1117; --surface: #161b22; --fg: #e6edf3; --muted: #9da7b3; --faint: #6e7681; --border: #30363d; --border-soft: #21262d; --code-bg: #1c2128; --inline-code-bg: #262c36; --link: #58a6ff; --accent: #4c9ad6; --header-bg: #010409; --error-bg: #2d1517; --error-border: #6e2b30; --error-fg: #ff9492; --current-bg: #1f2d3d; --mark: #6b5a16; }
      .kw { color: #ff7b72; } .str { color: #a5d6ff; } .num { color: #79c0ff; } .com { color: #8b949e; } .fn { color: #d2a8ff; }
      figure.output img { padding: .3rem; }
      .draft-note { color: #1d1d1f; background: #f2d675; }
    }
    @media print {
      :root { --bg: #fff; --surface: #fff; --fg: #000; }
      .site-header, .sidebar, .toc, .pager, .page-tools, .copy-button, .anchor, .skip-link, .lectern-search { display: none !important; }
      .layout { display: block; max-width: none; }
      main { padding: 0; }
      pre, pre.output.text, pre.output.value { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
      .experiment, figure, pre { break-inside: avoid; }
      a { color: inherit; }
    }
    """
}
