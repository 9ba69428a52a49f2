#include <gd.h>
#include <gdfontl.h>

/* gd's function-like macros are not imported into Swift; these wrap them. */
static inline int lectern_gdTrueColorAlpha(int r, int g, int b, int a) { return gdTrueColorAlpha(r, g, b, a); }
static inline int lectern_gdTrueColor(int r, int g, int b) { return gdTrueColor(r, g, b); }
static inline int lectern_gdImageSX(gdImagePtr im) { return gdImageSX(im); }
static inline int lectern_gdImageSY(gdImagePtr im) { return gdImageSY(im); }
static inline int lectern_gdImageGetTrueColorPixel(gdImagePtr im, int x, int y) { return gdImageGetTrueColorPixel(im, x, y); }
static inline int lectern_gdTrueColorGetRed(int c) { return gdTrueColorGetRed(c); }
static inline int lectern_gdTrueColorGetGreen(int c) { return gdTrueColorGetGreen(c); }
static inline int lectern_gdTrueColorGetBlue(int c) { return gdTrueColorGetBlue(c); }
static inline int lectern_gdTrueColorGetAlpha(int c) { return gdTrueColorGetAlpha(c); }
