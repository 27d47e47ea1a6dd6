"""The source's outline numbering: an ordered list inside an ordered list is lettered.

The original FAQ numbers its items 1., 2. and their sub-items a., b. Markdown has no
lettered lists, so contributors write nested numbered lists and this transform letters
the inner ones, for every output: HTML (``<ol class="loweralpha">``), LaTeX and ePub.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform


class LetterNestedLists(SphinxTransform):
    default_priority = 500

    def apply(self, **kwargs) -> None:
        for inner in self.document.findall(nodes.enumerated_list):
            item = inner.parent
            if isinstance(item, nodes.list_item) and isinstance(item.parent, nodes.enumerated_list):
                inner["enumtype"] = "loweralpha"


def setup(app):
    app.add_transform(LetterNestedLists)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
