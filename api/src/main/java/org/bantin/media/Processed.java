package org.bantin.media;

import java.util.List;

/** An image's renditions; width and height are those of the `full` rendition, after orientation. */
record Processed(int width, int height, List<Rendition> renditions) {
}
