package org.bantin.revision;

import java.util.ArrayList;
import java.util.List;

import org.bantin.revision.RevisionRecords.LineChange;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/** A readable diff of rich text: its text, one block a line, compared line by line. */
final class TextDiff {

    private TextDiff() {
    }

    static List<LineChange> lines(String beforeHtml, String afterHtml) {
        List<String> before = textLines(beforeHtml);
        List<String> after = textLines(afterHtml);
        List<LineChange> lines = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                lines.add(new LineChange("equal", before.get(position)));
            }
            delta.getSource().getLines().forEach(line -> lines.add(new LineChange("delete", line)));
            delta.getTarget().getLines().forEach(line -> lines.add(new LineChange("insert", line)));
            position += delta.getSource().size();
        }
        for (; position < before.size(); position++) {
            lines.add(new LineChange("equal", before.get(position)));
        }
        return lines;
    }

    /** The text of each innermost block (paragraph, heading, list item, caption, cell), without markup. */
    static List<String> textLines(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        List<String> lines = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element != body && element.isBlock() && !hasBlockChild(element)) {
                String text = element.text().strip();
                if (!text.isEmpty()) {
                    lines.add(text);
                }
            }
        }
        if (lines.isEmpty() && !body.text().isBlank()) {
            lines.add(body.text().strip());
        }
        return lines;
    }

    private static boolean hasBlockChild(Element element) {
        return element.getAllElements().stream().anyMatch(child -> child != element && child.isBlock());
    }
}
