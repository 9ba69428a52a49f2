import Foundation
import XCTest
@testable import Site
import Lesson

/// TeX to MathML Core: specific conversions, errors with their offsets, and every formula of the
/// seed lessons.
final class TeXMathTests: XCTestCase {
    private func convert(_ tex: String, display: Bool) -> Result<String, TeXError> {
        do {
            return .success(try TeXMath.mathML(tex, display: display))
        } catch {
            return .failure(error)
        }
    }

    private func assertInline(_ tex: String, _ inner: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(convert(tex, display: false), .success("<math>\(inner)</math>"), file: file, line: line)
    }

    private func assertDisplay(_ tex: String, _ inner: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(
            convert(tex, display: true), .success("<math display=\"block\">\(inner)</math>"),
            file: file, line: line)
    }

    private func assertError(
        _ tex: String, offset: Int, _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(
            convert(tex, display: false), .failure(TeXError(offset: offset, message: message)),
            file: file, line: line)
    }

    // MARK: Conversions

    func testFractions() {
        assertInline(#"\frac{a}{b}"#, "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
        assertInline(#"\frac12"#, "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
        assertInline(
            #"\frac{x+1}{2y}"#,
            "<mfrac><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><mrow><mn>2</mn><mi>y</mi></mrow></mfrac>")
        assertInline(
            #"\dfrac{1}{2}"#,
            #"<mstyle displaystyle="true" scriptlevel="0"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"#)
        assertDisplay(
            #"\tfrac{1}{2}"#,
            #"<mstyle displaystyle="false" scriptlevel="0"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"#)
        assertDisplay(#"\dfrac{1}{2}"#, "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
    }

    func testSubscriptsAndSuperscriptsInEitherOrder() {
        let both = "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"
        assertInline("x_i^2", both)
        assertInline("x^2_i", both)
        assertInline("x^{2}_{i}", both)
        // One token per script: x^23 is x squared, then 3.
        assertInline("x^23", "<msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>")
        assertInline(
            "W_{k,j}^{[l]2}",
            #"<msubsup><mi>W</mi><mrow><mi>k</mi><mo>,</mo><mi>j</mi></mrow><mrow><mo stretchy="false">[</mo><mi>l</mi><mo stretchy="false">]</mo><mn>2</mn></mrow></msubsup>"#)
        assertInline("{}_a", "<msub><mrow></mrow><mi>a</mi></msub>")
    }

    func testPrimes() {
        assertInline(
            "g'(z)",
            #"<msup><mi>g</mi><mo>′</mo></msup><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo>"#)
        assertInline(#"g'_\ell"#, "<msubsup><mi>g</mi><mi>ℓ</mi><mo>′</mo></msubsup>")
        assertInline("f''", "<msup><mi>f</mi><mo>″</mo></msup>")
        assertInline("f'^2", "<msup><mi>f</mi><mrow><mo>′</mo><mn>2</mn></mrow></msup>")
    }

    func testBigOperatorLimitsGoUnderAndOverInDisplayAndBesideInline() {
        let lower = "<mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow>"
        assertDisplay(
            #"\sum_{i=1}^{n} a_i"#,
            "<munderover><mo>∑</mo>\(lower)<mi>n</mi></munderover><msub><mi>a</mi><mi>i</mi></msub>")
        assertInline(
            #"\sum_{i=1}^{n} a_i"#,
            "<msubsup><mo>∑</mo>\(lower)<mi>n</mi></msubsup><msub><mi>a</mi><mi>i</mi></msub>")
        // Integrals keep their limits beside, even in display.
        assertDisplay(#"\int_0^1 f"#, "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi>")
        // \limits forces them under and over inline, overriding the movable limits of ∑.
        assertInline(#"\sum\limits_{i} x"#, #"<munder><mo movablelimits="false">∑</mo><mi>i</mi></munder><mi>x</mi>"#)
        // Inside a display fraction the numerator is in text style: limits beside.
        assertDisplay(
            #"\frac{\sum_i x}{2}"#,
            "<mfrac><mrow><msub><mo>∑</mo><mi>i</mi></msub><mi>x</mi></mrow><mn>2</mn></mfrac>")
    }

    func testFunctionNamesAndOperatorsWithLimits() {
        let approach = "<mrow><mi>n</mi><mo>→</mo><mi>∞</mi></mrow>"
        let apply = #"<mo rspace="0.1667em">⁡</mo>"#
        assertDisplay(
            #"\lim_{n\to\infty} a_n"#,
            "<munder><mi>lim</mi>\(approach)</munder>\(apply)<msub><mi>a</mi><mi>n</mi></msub>")
        assertInline(
            #"\lim_{n\to\infty} a_n"#,
            "<msub><mi>lim</mi>\(approach)</msub>\(apply)<msub><mi>a</mi><mi>n</mi></msub>")
        assertDisplay(
            #"\arg\min_\theta J"#, "<munder><mi>arg\u{2009}min</mi><mi>θ</mi></munder>\(apply)<mi>J</mi>")
        assertDisplay(#"\max_x"#, "<munder><mi>max</mi><mi>x</mi></munder><mo>⁡</mo>")
        // A thin space before an ordinary argument, none before a parenthesis.
        assertInline(#"\sin x"#, "<mi>sin</mi>\(apply)<mi>x</mi>")
        assertInline(
            #"\log(x)"#,
            #"<mi>log</mi><mo>⁡</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo>"#)
        assertInline(#"\log{x}"#, "<mi>log</mi>\(apply)<mi>x</mi>")
        assertInline(#"\tanh^2 z"#, "<msup><mi>tanh</mi><mn>2</mn></msup>\(apply)<mi>z</mi>")
        // A function after an ordinary symbol gets TeX's thin space before it too.
        assertInline(#"2\exp x"#, #"<mn>2</mn><mspace width="0.1667em"/><mi>exp</mi>\#(apply)<mi>x</mi>"#)
        assertDisplay(
            #"\operatorname{argmin}_\theta"#, "<msub><mi>argmin</mi><mi>θ</mi></msub><mo>⁡</mo>")
        assertDisplay(
            #"\operatorname*{argmin}_\theta"#, "<munder><mi>argmin</mi><mi>θ</mi></munder><mo>⁡</mo>")
        assertDisplay(
            #"\underset{1 \leq m}{\text{argmax}}"#,
            "<munder><mtext>argmax</mtext><mrow><mn>1</mn><mo>≤</mo><mi>m</mi></mrow></munder>")
    }

    func testRowSpacingAfterLineBreakIsSkippedButABracketedRowIsKept() {
        assertInline(
            #"\begin{matrix} 1 \\[2pt] [x] \end{matrix}"#,
            #"<mtable><mtr><mtd><mn>1</mn></mtd></mtr><mtr><mtd><mo stretchy="false">[</mo><mi>x</mi><mo stretchy="false">]</mo></mtd></mtr></mtable>"#)
    }

    func testMatrices() {
        let rows = "<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr>"
            + "<mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable>"
        assertDisplay(#"\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}"#, "<mrow><mo>[</mo>\(rows)<mo>]</mo></mrow>")
        assertDisplay(#"\begin{pmatrix} 1 & 0 \\ 0 & 1 \\ \end{pmatrix}"#, "<mrow><mo>(</mo>\(rows)<mo>)</mo></mrow>")
        assertInline(#"\begin{vmatrix} 1 & 0 \\ 0 & 1 \end{vmatrix}"#, "<mrow><mo>|</mo>\(rows)<mo>|</mo></mrow>")
        assertInline(#"\begin{matrix} 1 & 0 \\ 0 & 1 \end{matrix}"#, rows)
    }

    func testCases() {
        let left = #"<mtd style="text-align: left; text-align: -webkit-left">"#
        assertDisplay(
            #"|x| = \begin{cases} x & x \geq 0 \\ -x & \text{otherwise} \end{cases}"#,
            #"<mo lspace="0" rspace="0" stretchy="false">|</mo><mi>x</mi><mo lspace="0" rspace="0" stretchy="false">|</mo><mo>=</mo>"#
                + "<mrow><mo>{</mo><mtable><mtr>\(left)<mi>x</mi></mtd>\(left)<mi>x</mi><mo>≥</mo><mn>0</mn></mtd></mtr>"
                + #"<mtr>\#(left)<mo form="prefix">−</mo><mi>x</mi></mtd>\#(left)<mtext>otherwise</mtext></mtd></mtr></mtable></mrow>"#)
    }

    func testAlignedAndArray() {
        let right = #"<mtd style="text-align: right; text-align: -webkit-right; padding-right: 0">"#
        let left = #"<mtd style="text-align: left; text-align: -webkit-left; padding-left: 0">"#
        assertDisplay(
            #"\begin{aligned} a &= b \\ c &= d \end{aligned}"#,
            #"<mtable displaystyle="true"><mtr>\#(right)<mi>a</mi></mtd>\#(left)<mo>=</mo><mi>b</mi></mtd></mtr>"#
                + "<mtr>\(right)<mi>c</mi></mtd>\(left)<mo>=</mo><mi>d</mi></mtd></mtr></mtable>")
        assertInline(
            #"\begin{array}{l|c} 1 & 2 \end{array}"#,
            #"<mtable><mtr><mtd style="text-align: left; text-align: -webkit-left"><mn>1</mn></mtd><mtd style="border-left: 0.06em solid"><mn>2</mn></mtd></mtr></mtable>"#)
    }

    func testLeftRightDelimitersStretchAndBareOnesDoNot() {
        assertInline(
            #"\left(\frac{1}{2}\right)"#,
            #"<mrow><mo stretchy="true">(</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><mo stretchy="true">)</mo></mrow>"#)
        assertInline(#"\left\{ x \right."#, #"<mrow><mo stretchy="true">{</mo><mi>x</mi></mrow>"#)
        assertInline(
            #"\left\langle a \middle| b \right\rangle"#,
            #"<mrow><mo stretchy="true">⟨</mo><mi>a</mi><mo stretchy="true" lspace="0.0556em" rspace="0.0556em">|</mo><mi>b</mi><mo stretchy="true">⟩</mo></mrow>"#)
        assertInline(
            #"\left. f \right|_{0}"#, #"<msub><mrow><mi>f</mi><mo stretchy="true">|</mo></mrow><mn>0</mn></msub>"#)
        assertInline(
            #"\lfloor x \rfloor"#, #"<mo stretchy="false">⌊</mo><mi>x</mi><mo stretchy="false">⌋</mo>"#)
        assertInline(
            #"\|v\|_2"#,
            #"<mo lspace="0" rspace="0" stretchy="false">‖</mo><mi>v</mi><msub><mo lspace="0" rspace="0" stretchy="false">‖</mo><mn>2</mn></msub>"#)
        assertInline(
            #"\bigl( x \bigr)"#,
            #"<mo minsize="1.2em" maxsize="1.2em" stretchy="true" symmetric="true">(</mo><mi>x</mi><mo minsize="1.2em" maxsize="1.2em" stretchy="true" symmetric="true">)</mo>"#)
    }

    func testAlphabetsUseUnicodeMathLetters() {
        assertInline(#"\mathbb{R}"#, "<mi>ℝ</mi>")
        assertInline(#"\mathbb{R}^n"#, "<msup><mi>ℝ</mi><mi>n</mi></msup>")
        assertInline(#"\mathbf{W}\mathbf{x}"#, "<mi>𝐖</mi><mi>𝐱</mi>")
        assertInline(#"\boldsymbol{\theta}"#, "<mi>𝜽</mi>")
        assertInline(#"\mathcal{N}\mathcal{L}"#, "<mi>𝒩</mi><mi>ℒ</mi>")
        assertInline(#"\mathrm{d}x"#, #"<mi mathvariant="normal">d</mi><mi>x</mi>"#)
        assertInline(#"\mathrm{softmax}"#, "<mi>softmax</mi>")
        assertInline(#"\mathbf{0}"#, "<mn>𝟎</mn>")
        assertInline(#"\mathit{x}"#, "<mi>x</mi>")
    }

    func testGreekLetters() {
        assertInline(
            #"\alpha\beta\Gamma\varepsilon\epsilon\vartheta\varphi\phi\Omega"#,
            #"<mi>α</mi><mi>β</mi><mi mathvariant="normal">Γ</mi><mi>ε</mi><mi>ϵ</mi><mi>ϑ</mi><mi>φ</mi><mi>ϕ</mi><mi mathvariant="normal">Ω</mi>"#)
    }

    func testTextKeepsUnicodeAndSpaces() {
        assertInline(#"\text{função de ativação}"#, "<mtext>função de ativação</mtext>")
        assertInline(#"a \text{ ou } b"#, "<mi>a</mi><mtext>\u{A0}ou\u{A0}</mtext><mi>b</mi>")
        assertInline(#"\text{keep_prob}"#, "<mtext>keep_prob</mtext>")
        assertInline(#"\text{caf\'e}"#, "<mtext>café</mtext>")
        assertInline(#"\text{se $x>0$}"#, "<mrow><mtext>se\u{A0}</mtext><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow>")
        assertInline(#"\textbf{R\$ 5}"#, #"<mtext style="font-weight: bold">R$ 5</mtext>"#)
        assertInline(#"\text{a & b < c}"#, "<mtext>a &amp; b &lt; c</mtext>")
    }

    func testRoots() {
        assertInline(#"\sqrt[3]{x}"#, "<mroot><mi>x</mi><mn>3</mn></mroot>")
        assertInline(#"\sqrt{x+1}"#, "<msqrt><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></msqrt>")
        assertInline(#"\sqrt{\frac{2}{n}}"#, "<msqrt><mfrac><mn>2</mn><mi>n</mi></mfrac></msqrt>")
    }

    func testAccents() {
        assertInline(#"\hat{y}"#, #"<mover accent="true"><mi>y</mi><mo stretchy="false">^</mo></mover>"#)
        assertInline(
            #"\widehat{xy}"#,
            #"<mover accent="true"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy="true">^</mo></mover>"#)
        assertInline(#"\tilde{p}"#, #"<mover accent="true"><mi>p</mi><mo stretchy="false">~</mo></mover>"#)
        assertInline(#"\bar{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">¯</mo></mover>"#)
        assertInline(#"\overline{AB}"#, #"<mover accent="true"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy="true">‾</mo></mover>"#)
        assertInline(#"\vec{v}"#, #"<mover accent="true"><mi>v</mi><mo stretchy="false">→</mo></mover>"#)
        assertInline(#"\dot{x}\ddot{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">˙</mo></mover><mover accent="true"><mi>x</mi><mo stretchy="false">¨</mo></mover>"#)
        assertInline(#"\underline{u}"#, #"<munder accentunder="true"><mi>u</mi><mo stretchy="true">_</mo></munder>"#)
        assertInline(
            #"\underbrace{a}_{b}"#,
            #"<munder><munder><mi>a</mi><mo stretchy="true">⏟</mo></munder><mi>b</mi></munder>"#)
    }

    func testNumbersOperatorsAndEscapes() {
        assertInline("0.001", "<mn>0.001</mn>")
        assertInline("3.5x", "<mn>3.5</mn><mi>x</mi>")
        assertInline("a-b", "<mi>a</mi><mo>−</mo><mi>b</mi>")
        assertInline("-x", #"<mo form="prefix">−</mo><mi>x</mi>"#)
        assertInline("a=-b", #"<mi>a</mi><mo>=</mo><mo form="prefix">−</mo><mi>b</mi>"#)
        assertInline("a < b > c", "<mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi>")
        assertInline(
            ##"\{ \} \% \$ \_ \# \&"##,
            #"<mo stretchy="false">{</mo><mo stretchy="false">}</mo><mi>%</mi><mi>$</mi><mi>_</mi><mi>#</mi><mi>&amp;</mi>"#)
        assertInline(
            #"a\cdot b\times c\div d\pm e\odot f\otimes g\circ h\star i\ast j"#,
            "<mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>÷</mo><mi>d</mi><mo>±</mo><mi>e</mi><mo>⊙</mo><mi>f</mi>"
                + "<mo>⊗</mo><mi>g</mi><mo>∘</mo><mi>h</mi><mo>⋆</mo><mi>i</mi><mo>∗</mo><mi>j</mi>")
        assertInline(
            #"a\leq b\geq c\neq d\le e\ge f\ll g\gg h\approx i\sim j\propto k\equiv l"#,
            "<mi>a</mi><mo>≤</mo><mi>b</mi><mo>≥</mo><mi>c</mi><mo>≠</mo><mi>d</mi><mo>≤</mo><mi>e</mi><mo>≥</mo><mi>f</mi>"
                + "<mo>≪</mo><mi>g</mi><mo>≫</mo><mi>h</mi><mo>≈</mo><mi>i</mi><mo>∼</mo><mi>j</mi><mo>∝</mo><mi>k</mi><mo>≡</mo><mi>l</mi>")
        assertInline(
            #"x\in A\notin B\subset C\cup D\cap E"#,
            "<mi>x</mi><mo>∈</mo><mi>A</mi><mo>∉</mo><mi>B</mi><mo>⊂</mo><mi>C</mi><mo>∪</mo><mi>D</mi><mo>∩</mo><mi>E</mi>")
        assertInline(
            #"\to\rightarrow\leftarrow\Rightarrow\Leftarrow\Leftrightarrow\Longleftrightarrow\mapsto\implies"#,
            "<mo>→</mo><mo>→</mo><mo>←</mo><mo>⇒</mo><mo>⇐</mo><mo>⇔</mo><mo>⟺</mo><mo>↦</mo><mo>⟹</mo>")
        assertInline(
            #"\forall\exists\partial\nabla\infty\ell\hbar\emptyset\top"#,
            #"<mi>∀</mi><mi>∃</mi><mi>∂</mi><mi mathvariant="normal">∇</mi><mi>∞</mi><mi>ℓ</mi><mi>ℏ</mi><mi>∅</mi><mi>⊤</mi>"#)
        assertInline(#"\cdots\ldots\dots"#, "<mo>⋯</mo><mo>…</mo><mo>…</mo>")
        assertInline(#"a \mid b"#, "<mi>a</mi><mo>∣</mo><mi>b</mi>")
        assertInline(
            #"f\colon A"#, #"<mi>f</mi><mo lspace="0" rspace="0.1667em">:</mo><mi>A</mi>"#)
        assertInline(#"x^\prime"#, "<msup><mi>x</mi><mo>′</mo></msup>")
    }

    func testSpacing() {
        assertInline(
            #"a\,b\:c\;d\!e\quad f\qquad g~h\ i"#,
            #"<mi>a</mi><mspace width="0.1667em"/><mi>b</mi><mspace width="0.2222em"/><mi>c</mi><mspace width="0.2778em"/><mi>d</mi><mspace style="margin-left: -0.1667em"/><mi>e</mi>"#
                + #"<mspace width="1em"/><mi>f</mi><mspace width="2em"/><mi>g</mi><mtext>\#u{A0}</mtext><mi>h</mi><mtext>\#u{A0}</mtext><mi>i</mi>"#)
    }

    func testOlderAndLessCommonForms() {
        assertInline(#"a \over b"#, "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
        let binomial = #"<mrow><mo>(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>"#
        assertInline(#"\binom{n}{k}"#, binomial)
        assertInline(#"{n \choose k}"#, binomial)
        assertInline(#"a \not= b \not\in C"#, "<mi>a</mi><mo>≠</mo><mi>b</mi><mo>∉</mo><mi>C</mi>")
        assertInline(#"a \lt b"#, "<mi>a</mi><mo>&lt;</mo><mi>b</mi>")
        assertInline(
            #"\xrightarrow{n}"#,
            #"<mover><mo stretchy="true">→</mo><mrow><mspace width="0.2778em"/><mi>n</mi><mspace width="0.2778em"/></mrow></mover>"#)
        assertInline(#"\stackrel{?}{=}"#, #"<mover><mo stretchy="false">=</mo><mo lspace="0" rspace="0">?</mo></mover>"#)
        assertInline(#"x \bmod m"#, #"<mi>x</mi><mo lspace="0.2222em" rspace="0.2222em">mod</mo><mi>m</mi>"#)
        assertInline(#"\color{red} x"#, #"<mstyle mathcolor="red"><mi>x</mi></mstyle>"#)
    }

    func testDisplayStyleSwitch() {
        assertInline(
            #"\displaystyle\sum_i x"#,
            #"<mstyle displaystyle="true" scriptlevel="0"><munder><mo>∑</mo><mi>i</mi></munder><mi>x</mi></mstyle>"#)
    }

    func testOutputIsDeterministic() throws {
        let tex = #"\begin{bmatrix} \frac{\partial f}{\partial x_1} \\ \vdots \end{bmatrix} = \mathbb{E}_{p}[\ell]"#
        let first = try TeXMath.mathML(tex, display: true)
        for _ in 0..<5 { XCTAssertEqual(try TeXMath.mathML(tex, display: true), first) }
    }

    // MARK: Errors

    func testErrorsCarryTheOffendingTokensOffset() {
        assertError(#"a + \foo"#, offset: 4, #"unknown TeX command '\foo'"#)
        assertError("x + {y", offset: 4, "unbalanced '{': no matching '}'")
        assertError("x}", offset: 1, "unbalanced '}': no matching '{'")
        assertError(#"\begin{foo}x\end{foo}"#, offset: 0, "unknown environment 'foo'")
        assertError(#"a \end{matrix}"#, offset: 2, #"'\end{matrix}' without matching '\begin{matrix}'"#)
        assertError(#"\begin{matrix} a \end{pmatrix}"#, offset: 17, #"'\end{pmatrix}' does not match '\begin{matrix}'"#)
        assertError(#"\begin{matrix} a"#, offset: 0, #"'\begin{matrix}' without matching '\end{matrix}'"#)
        assertError(#"a \right)"#, offset: 2, #"'\right' without matching '\left'"#)
        assertError(#"\left( a"#, offset: 0, #"'\left' without matching '\right'"#)
        assertError(#"\frac{a}"#, offset: 0, #"missing argument for '\frac'"#)
        assertError("x_a_b", offset: 3, "double subscript")
        assertError("a & b", offset: 2, "misplaced '&' outside an environment")
        assertError(#"\text{abc"#, offset: 5, "unbalanced '{': no matching '}'")
        assertError(#"\left\foo x\right)"#, offset: 5, #"'\foo' is not a delimiter (after '\left')"#)
    }

    func testErrorOffsetsCountCharacters() {
        assertError(#"ção + \foo"#, offset: 6, #"unknown TeX command '\foo'"#)
        assertError("e\u{301} \\bar", offset: 2, "missing argument for '\\bar'")
    }

    func testNestingIsBounded() {
        let ok = String(repeating: "{", count: 200) + "x" + String(repeating: "}", count: 200)
        assertInline(ok, "<mi>x</mi>")
        let deep = String(repeating: "{", count: 201) + "x" + String(repeating: "}", count: 201)
        assertError(deep, offset: 200, "formula nested too deeply")
        assertError(String(repeating: "{", count: 100_000), offset: 200, "formula nested too deeply")
        let roots = String(repeating: #"\sqrt"#, count: 300) + "x"
        XCTAssertEqual(convert(roots, display: false).failureMessage, "formula nested too deeply")
        let scripts = String(repeating: "x^{", count: 300) + "x" + String(repeating: "}", count: 300)
        XCTAssertEqual(convert(scripts, display: false).failureMessage, "formula nested too deeply")
        let switches = String(repeating: #"\displaystyle x"#, count: 5000)
        XCTAssertEqual(convert(switches, display: false).failureMessage, "formula nested too deeply")
        let fences = String(repeating: #"\left("#, count: 300)
        XCTAssertEqual(convert(fences, display: false).failureMessage, "formula nested too deeply")
    }

    // MARK: Corpus

    /// Every `$...$` and `$$...$$` formula of the seed lessons converts.
    func testEverySeedFormulaConverts() throws {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(files.count, 5, "seed files in \(seeds.path)")
        var total = 0
        var failures: [String] = []
        for file in files {
            let markdown = try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
            let spans = MathSpans.find(in: markdown)
            XCTAssertFalse(spans.isEmpty, "\(file) has formulas")
            total += spans.count
            for span in spans {
                do {
                    let ml = try TeXMath.mathML(span.tex, display: span.display)
                    XCTAssertTrue(ml.hasPrefix("<math"), "\(file): \(span.tex)")
                } catch {
                    failures.append("\(file): \(error) in \(span.display ? "$$" : "$")\(span.tex)")
                }
            }
        }
        print("TeXMathTests: \(total) formulas in \(files.count) seed files, \(failures.count) failed")
        for failure in failures { print("  " + failure) }
        XCTAssertEqual(failures, [])
        XCTAssertEqual(total, 406, "formulas found in the seeds")
    }
}

extension Result where Failure == TeXError {
    fileprivate var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}
