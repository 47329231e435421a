#pragma once

#include "spec/experimentspec.h"
#include "spec/shapeinference.h"

#include <QString>

#include <cstdint>

// An experiment as one readable Python file (PyTorch and numpy only) that trains the same GAN:
// the layer stacks as nn.Sequential named by the designer's layer ids, the loss written out as
// the formulas panel shows it, the regularisers and stabilisers the experiment uses, its
// optimisers and its data, drawing the initial weights, batches and noise in the engine's order
// for the same seed (so its metrics.csv can be compared with the program's step by step). The
// script writes sample grids and metrics.csv with the program's columns, and goes on from a run's
// weights (pytorchexport writes them beside it). No torch here: the text is built from the spec.
namespace pytorchscript {

// Where the script finds its data. The engine's own files (Fashion-MNIST, IDX, a CSV of points)
// are read where the experiment names them; what the program makes or decodes itself (the 2D
// sets it draws from the seed, points drawn by hand, an image folder decoded and resized) is
// written beside the script by pytorchexport, as the program has it.
enum class DataBeside { None, Points, Images };
DataBeside dataBeside(const DataSpec &data);

struct Options {
    QString scriptName;   // the script's file name, for its usage lines ("dcgan-fashion.py")
    QString pointsFile;   // DataBeside::Points: "x,y,label" lines beside the script (file name)
    QString imagesFile;   // DataBeside::Images: IDX images beside the script (file name)
    QString labelsFile;   // DataBeside::Images: IDX labels beside it (empty when the folder has no classes)
    QString weightsFile;  // a run's weights beside the script (file name); empty: none
    std::int64_t weightsStep = 0;  // the step those weights were saved at
    QString runFolder;    // the run they came from (for the header's words)
    Shape dataShape;      // one real sample's shape: the networks' comments give each layer's shapes
};

QString script(const ExperimentSpec &spec, const Options &options);

// The name the script gives the tensor the engine's `role` network calls `engineKey`
// ("g1.weight" -> "layers.g1.weight" in a conditional generator; a projection or auxiliary
// discriminator's "d7.score.weight" -> "score.weight"), so that the weights file pytorchexport
// writes loads with the script's load_state_dict as it is.
QString moduleKey(const ExperimentSpec &spec, NetworkRole role, const QString &engineKey);

}  // namespace pytorchscript
