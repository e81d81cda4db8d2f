#ifndef DOSSIER_CDOSSIERIMAGE_H
#define DOSSIER_CDOSSIERIMAGE_H

#include <stddef.h>

/// The few libvips calls Dossier makes, without variadic arguments (which
/// Swift cannot call). Every function returns 0, or -1 with a message of at
/// most `error_size` bytes in `error`. Safe to call from several threads.

/// Starts libvips once: no operation cache, one worker per operation
/// (Dossier runs one image per core itself).
int dossier_image_start(char *error, size_t error_size);

/// Reads only the header of an image (nothing is decoded): its size as shown
/// (swapped when an EXIF orientation turns it a quarter turn).
int dossier_image_header(const char *path, int *width, int *height, char *error, size_t error_size);

/// Decodes the image at exactly `width` × `height` (turned upright), drops
/// every metadata field, and encodes it as `format` ("jpeg", "png" or
/// "webp"). A truncated or damaged file is an error. `*buffer` is to be
/// freed with `dossier_image_free`.
int dossier_image_variant(
    const char *path, int width, int height, const char *format, void **buffer, size_t *length, char *error,
    size_t error_size);

void dossier_image_free(void *buffer);

#endif
