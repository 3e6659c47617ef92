package org.bantin.media;

/** An image whose header declares more pixels than allowed; refused before any pixel is decoded. */
final class ImageTooLarge extends Exception {

    ImageTooLarge(int width, int height, long maxPixels) {
        super("The image is " + width + " × " + height + " pixels; at most " + maxPixels + " pixels are accepted",
                null, false, false);
    }
}
