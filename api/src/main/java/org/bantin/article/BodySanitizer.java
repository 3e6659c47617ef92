package org.bantin.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans editor HTML against an allow-list (jsoup's Safelist): what is not listed, such as
 * script, style, event-handler attributes and javascript: URLs, does not survive.
 */
final class BodySanitizer {

    /** Relative links and images ("/media/...") are resolved against this to be checked, then kept relative. */
    private static final String BASE_URI = "https://bantin.invalid/";

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "b", "em", "i", "u", "s",
                    "sub", "sup", "blockquote", "hr", "a", "figure", "img", "figcaption",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "title", "width", "height", BodyMedia.MEDIA_ID)
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer")
            .preserveRelativeLinks(true);

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private BodySanitizer() {
    }

    static String sanitize(String html) {
        return html == null ? "" : Jsoup.clean(html, BASE_URI, ALLOWED, OUTPUT);
    }
}
