"""Running a rule's examples: the check behind both the test suite and `cleanlint test-rules`.

An example says what the rule must flag in its input and what fixing must leave. Running it means
checking with that rule alone, fixing with that rule alone (as plain `fix` does for a rule whose fix is safe,
so that an example shows where a safe removal is held back; with unsafe fixes for a rule whose fix is
unsafe, since the example documents what its fix does), and fixing the output again, which must change
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..engine.engine import Engine, Selection
from ..engine.fixer import fix_document
from ..model import Safety
from ..rule import Example, Rule


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    index: int
    problem: str

    def __str__(self) -> str:
        return f"{self.rule} example {self.index + 1}: {self.problem}"


def example_source(rule: Rule, example: Example) -> str:
    """The source an example is read from: the one it names ("" for none), else the rule's first.

    An example of a rule scoped to some sources shows the rule at work, so by default it is read as a
    document from one of them; `source` names another (or none) to show where the rule stays quiet.
    """
    if example.source is not None:
        return example.source
    return rule.sources[0] if rule.sources else ""


def example_document(rule: Rule, text: str, example: Example) -> Document:
    """`text` as a document from the example's source (see example_source)."""
    source = example_source(rule, example)
    return Document(text, metadata={"source": source} if source else {})


def run_example(rule: Rule, index: int, example: Example) -> list[ExampleFailure]:
    engine = Engine([rule], Selection(select=(rule.code,)))  # opt-in rules are tested too
    problems = []
    doc = example_document(rule, example.input, example)
    if example.findings is not None:
        flagged = [doc.text[f.start : f.end] for f in engine.check(doc)]
        if flagged != list(example.findings):
            problems.append(f"expected findings {list(example.findings)!r}, got {flagged!r}")
    if example.output is not None:
        # a rule whose fix is safe is shown as plain `fix` applies it, so an example also shows where a safe
        # removal is held back (evidence.py); an unsafe rule's example shows its fix applied
        unsafe = rule.fix.safety is Safety.UNSAFE
        fixed = fix_document(engine, doc, unsafe=unsafe, max_removal=1.0).text
        if fixed != example.output:
            problems.append(f"expected output {example.output!r}, got {fixed!r}")
        again = fix_document(engine, example_document(rule, fixed, example), unsafe=unsafe, max_removal=1.0).text
        if again != fixed:
            problems.append(f"fixing the output again changed it to {again!r}")
    return [ExampleFailure(f"{rule.code} {rule.name}", index, p) for p in problems]


def run_examples(rules: list[Rule]) -> list[ExampleFailure]:
    return [fail for rule in rules for i, ex in enumerate(rule.examples) for fail in run_example(rule, i, ex)]
