"""A request as a plain tree: built and checked without any XML library.

Building a request (every value checked, children in schema order) is pure and happens where
the decision is made; turning the tree into text is the message set's job. So a value
QuickBooks would refuse is found while one entry is translated, never while a whole message
set is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Node:
    """One element: its tag, attributes, text and children, in order."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    text: str | None = None
    children: list[Node] = field(default_factory=list)

    def add(self, tag: str, text: str | None = None) -> Node:
        """Append a child element and return it."""
        child = Node(tag, text=text)
        self.children.append(child)
        return child

    def opt(self, tag: str, text: str | None) -> None:
        """Append a child only when there is text for it."""
        if text is not None and text != "":
            self.add(tag, text)

    def iter(self, tag: str) -> list[Node]:
        """Every element of this tree with `tag`, in document order."""
        found = [self] if self.tag == tag else []
        for child in self.children:
            found.extend(child.iter(tag))
        return found

    def findtext(self, path: str) -> str | None:
        """The text of the first element at a '/'-separated path of child tags."""
        node: Node | None = self
        for tag in path.split("/"):
            node = next((c for c in node.children if c.tag == tag), None) if node else None
        return node.text if node is not None else None
