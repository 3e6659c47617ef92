package org.bantin.article;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bantin.http.ProblemException;
import org.bantin.media.LibraryImage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Images of the media library in article bodies. Saved, each is `<img data-media-id>` (an editor may
 * write that, or paste a url of the library); read, each becomes a responsive picture in a figure,
 * with the library's current alt text, and its caption unless the body's figure has one.
 */
final class BodyMedia {

    static final String MEDIA_ID = "data-media-id";
    /** The article column is at most 800 px wide; on phones an image spans the screen. */
    static final String SIZES = "(max-width: 800px) 100vw, 800px";

    /** A marked img tag as saved; text that merely reads data-media-id="1" is not one. */
    private static final Pattern MARKED = Pattern.compile("<img\\s[^>]*" + MEDIA_ID + "=\"(\\d{1,18})\"");

    private BodyMedia() {
    }

    /** The sanitised body with every library image marked by its id, and those ids. */
    record Marked(String html, Set<Long> mediaIds) {
    }

    /**
     * Marks the library images of a sanitised body. idOfUrl names the media of a url of ours (else null);
     * images gives the library's images for ids. An id that is no image of the library is a 422.
     */
    static Marked mark(String html, Function<String, Long> idOfUrl, Function<Set<Long>, Map<Long, LibraryImage>> images) {
        if (!html.contains("<img")) {
            return new Marked(html, Set.of());
        }
        Document document = Jsoup.parseBodyFragment(html);
        Set<Long> ids = new LinkedHashSet<>();
        for (Element img : document.body().select("img")) {
            Long id = img.hasAttr(MEDIA_ID) ? parseId(img.attr(MEDIA_ID)) : idOfUrl.apply(img.attr("src"));
            if (id != null) {
                img.attr(MEDIA_ID, id.toString());
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return new Marked(html, ids);
        }
        Map<Long, LibraryImage> found = images.apply(ids);
        for (Element img : document.body().select("img[" + MEDIA_ID + "]")) {
            LibraryImage image = found.get(Long.valueOf(img.attr(MEDIA_ID)));
            if (image == null) {
                throw ProblemException.invalidField(422, "body",
                        "no image of the media library has the id " + img.attr(MEDIA_ID));
            }
            img.attr("src", image.url());
        }
        document.outputSettings().prettyPrint(false);
        return new Marked(document.body().html(), ids);
    }

    private static Long parseId(String value) {
        if (!value.matches("\\d{1,18}")) {
            throw ProblemException.invalidField(422, "body", "data-media-id must be the id of an image of the media library");
        }
        return Long.valueOf(value);
    }

    /** The library media an article shows (its body's and its cover), read off the article itself: no query. */
    static Set<Long> shownBy(Article article) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher marked = MARKED.matcher(article.body);
        while (marked.find()) {
            ids.add(Long.valueOf(marked.group(1)));
        }
        if (article.coverMediaId != null) {
            ids.add(article.coverMediaId);
        }
        return ids;
    }

    /** The body as readers get it: each library image as a picture with its widths, size and caption. */
    static String render(String html, Map<Long, LibraryImage> images) {
        if (!html.contains(MEDIA_ID)) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        for (Element img : document.body().select("img[" + MEDIA_ID + "]")) {
            LibraryImage image = images.get(Long.valueOf(img.attr(MEDIA_ID)));
            if (image != null) {
                picture(img, image);
            }
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }

    private static void picture(Element img, LibraryImage image) {
        String alt = image.alt(); // the library's: one place to correct it, and what publishing checks
        Element picture = new Element("picture");
        if (image.webpSrcset() != null) {
            picture.appendElement("source").attr("type", "image/webp").attr("srcset", image.webpSrcset()).attr("sizes", SIZES);
        }
        picture.appendElement("img").attr("src", image.url()).attr("srcset", image.srcset()).attr("sizes", SIZES)
                .attr("width", Integer.toString(image.width())).attr("height", Integer.toString(image.height()))
                .attr("alt", alt).attr("loading", "lazy").attr("decoding", "async").attr(MEDIA_ID, Long.toString(image.id()));
        Element figure = img.parent() != null && img.parent().nameIs("figure") ? img.parent() : null;
        if (figure == null) {
            figure = new Element("figure");
            img.before(figure);
            img.remove();
            figure.appendChild(picture);
        } else {
            img.replaceWith(picture);
        }
        if (figure.selectFirst("> figcaption") == null && !image.caption().isBlank()) {
            figure.appendElement("figcaption").text(image.caption());
        }
    }
}
