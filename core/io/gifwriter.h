#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

#include <vector>

// Animated GIF (GIF89a) files, for latent walks and the training timeline. Qt reads GIF but
// cannot write it, so the encoder is the program's own: one global palette (256 grays when
// every frame is gray, else a 6x7x6 colour cube with 4 grays, nearest colour), LZW-compressed
// frames of equal size, a frame delay and the NETSCAPE2.0 extension that makes viewers loop.
namespace gifwriter {
// The file's bytes. Frames must be non-empty and all of one size (the first frame's; larger
// or smaller frames are scaled to it). `delayMs` is rounded to GIF's hundredths of a second
// (at least 2: viewers show faster frames at 0.1 s). `loops`: 0 repeats forever, n plays n+1
// times; -1 leaves the loop extension out (plays once).
QByteArray encode(const std::vector<QImage> &frames, int delayMs, int loops = 0);
// Writes atomically; an empty string or a message naming the file.
QString write(const QString &path, const std::vector<QImage> &frames, int delayMs, int loops = 0);
}  // namespace gifwriter
