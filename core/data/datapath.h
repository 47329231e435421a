#pragma once

#include "dataset.h"

#include <QString>
#include <QStringList>

// Training on the data at a path without writing an experiment file: `train --data PATH` (and
// validate, bench) and the window's File > Train on Folder....
namespace datapath {

// The largest image side chosen from the files (larger images are scaled down to it): a CPU
// trains 64x64 in minutes, 256x256 in days. An experiment file may ask for more (image_size).
constexpr int kLargestSide = 64;
constexpr int kSmallestSide = 8;

struct Result {
    QString error;      // set: `spec` was not changed
    QStringList notes;  // what was decided from the files and done to the networks, to show
};

// `spec` takes the data at `path` in place of its own:
// - a folder of PNG, JPEG or BMP images, flat or one subfolder per class;
// - an IDX images file (.gz or not), its labels taken from beside it when they are there
//   (train-images-idx3-ubyte -> train-labels-idx1-ubyte), or given as IMAGES,LABELS;
// - a CSV file of 2D points (x,y per line).
// The image size and colour of a folder are the experiment's when its own data is an image
// folder (it fixes them), else the files': their most common shorter side (at most
// kLargestSide) and grey when every image looked at is grey. Networks that do not fit the data
// are fitted (fitNetworks), and the notes say how.
Result apply(const QString &path, ExperimentSpec *spec);

// Makes the generator and discriminator fit samples of `shape` ([C, S, S] or [2]). Networks
// that fit are left alone. Image networks of another size or colour keep their layers, with
// those that depend on the size changed: the Reshape's grid and the Linear before it, the
// generator's last convolution (its channels), every layer's input size (the first
// convolution's channels, BatchNorm and LayerNorm sizes, the Linear after Flatten). Networks for
// the other kind of data (MLPs for images, convolutions for points) are replaced by those of the
// family's preset: dcgan-fashion for images, mlp-ring8 for points. An image folder's side may be
// moved to the nearest the generator can make (its upsampling factor); `imageSize` then holds it.
// Returns an error (nothing changed) when they cannot be fitted.
QString fitNetworks(ExperimentSpec *spec, Shape shape, QStringList *notes);

}  // namespace datapath
