package org.bantin.media;

/** The point of an image that crops keep in view, from 0 to 1 from the left and from the top. */
public record FocalPoint(double x, double y) {

    public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);
}
