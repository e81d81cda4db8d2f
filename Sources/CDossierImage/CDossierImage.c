#include "CDossierImage.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <vips/vips.h>

static pthread_once_t started = PTHREAD_ONCE_INIT;
static int start_result = -1;

/// libvips' warnings (a damaged tile...) go to glib's log, which prints them
/// on stderr: Dossier reports the error that follows instead.
static void ignore_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain;
    (void)level;
    (void)message;
    (void)data;
}

static void start_once(void) {
    if (VIPS_INIT("dossier") != 0) return;
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG, ignore_log, NULL);
    // Each image is read once per variant: a cache would only hold memory.
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_concurrency_set(1);
    start_result = 0;
}

/// libvips keeps its messages in one process-wide buffer: take it and clear it.
static void take_error(char *error, size_t error_size, const char *fallback) {
    char *message = vips_error_buffer_copy();
    const char *text = message && message[0] ? message : fallback;
    snprintf(error, error_size, "%s", text);
    size_t length = strlen(error);
    while (length > 0 && (error[length - 1] == '\n' || error[length - 1] == ' ')) error[--length] = 0;
    g_free(message);
}

int dossier_image_start(char *error, size_t error_size) {
    pthread_once(&started, start_once);
    if (start_result != 0) take_error(error, error_size, "libvips could not start");
    return start_result;
}

int dossier_image_header(const char *path, int *width, int *height, char *error, size_t error_size) {
    if (dossier_image_start(error, error_size) != 0) return -1;
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) {
        take_error(error, error_size, "the image's header cannot be read");
        return -1;
    }
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION)) vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation);
    int swap = orientation >= 5 && orientation <= 8;
    *width = swap ? vips_image_get_height(image) : vips_image_get_width(image);
    *height = swap ? vips_image_get_width(image) : vips_image_get_height(image);
    g_object_unref(image);
    return 0;
}

int dossier_image_variant(
    const char *path, int width, int height, const char *format, void **buffer, size_t *length, char *error,
    size_t error_size) {
    if (dossier_image_start(error, error_size) != 0) return -1;
    *buffer = NULL;
    *length = 0;
    VipsImage *out = NULL;
    // FORCE: exactly the size the page's width and height attributes give.
    // fail_on ERROR: a truncated or damaged file stops the build.
    if (vips_thumbnail(
            path, &out, width, "height", height, "size", VIPS_SIZE_FORCE, "fail_on", VIPS_FAIL_ON_ERROR, NULL) != 0) {
        take_error(error, error_size, "the image cannot be decoded");
        return -1;
    }
    int result;
    if (strcmp(format, "jpeg") == 0) {
        result = vips_jpegsave_buffer(out, buffer, length, "strip", TRUE, "Q", 82, "optimize_coding", TRUE, NULL);
    } else if (strcmp(format, "png") == 0) {
        // Every row filter tried: without, a photo-like PNG comes out many times larger.
        result = vips_pngsave_buffer(
            out, buffer, length, "strip", TRUE, "compression", 6, "filter", VIPS_FOREIGN_PNG_FILTER_ALL, NULL);
    } else if (strcmp(format, "webp") == 0) {
        result = vips_webpsave_buffer(out, buffer, length, "strip", TRUE, "Q", 80, NULL);
    } else {
        snprintf(error, error_size, "no encoder for %s", format);
        result = -1;
        vips_error_clear();
    }
    g_object_unref(out);
    if (result != 0) {
        if (error[0] == 0) take_error(error, error_size, "the image cannot be encoded");
        return -1;
    }
    return 0;
}

void dossier_image_free(void *buffer) { g_free(buffer); }
