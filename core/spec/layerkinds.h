#pragma once

#include "fields.h"
#include "layerspec.h"

#include <vector>

// What each layer kind is, as data, in the style of fields.h: its name, what it does, the
// settings a file holds and the designer edits, and the traits other code asks about. Reading
// and writing files, the palette and the property editor follow this table. What cannot be a
// table (the shape rule in ShapeInference, the module in nn/torchmodules, the stack's one-line
// summary, the designer's first sizes) is a switch over the kind without `default:`, so the
// compiler names every place a new kind must be taught.
struct LayerParam {
    enum class Type { Int, Double, IntList, Bool, UpsampleMode };
    Type type;
    const char *key;                        // the JSON key within a layer object
    const NumberField *number = nullptr;    // Int, Double: range, default, label and tip
    int LayerSpec::*intValue = nullptr;
    double LayerSpec::*doubleValue = nullptr;
    std::vector<int> LayerSpec::*listValue = nullptr;
    bool LayerSpec::*boolValue = nullptr;
    bool required = false;        // a file must state it (the sizes a layer cannot guess)
    const char *label = nullptr;  // IntList, Bool, UpsampleMode: untranslated, context "Fields"
    const char *tip = nullptr;    // untranslated, context "Fields"
    bool fallback = false;        // Bool: the default
};

struct LayerKindInfo {
    LayerKind kind;
    const char *name;         // in files, on the command line, in the palette
    const char *description;  // untranslated, context "LayerKinds": the palette's tooltip
    std::vector<LayerParam> params;  // in the order the designer shows them
    bool hasWeights = false;  // weights and a bias, optionally spectrally normalised
    bool fitsInput = false;   // the designer's Fit to Input sizes it from what arrives
};

// (name, fromName, allNames and hasWeights, declared with LayerSpec, read this table too.)
namespace layerkind {
const std::vector<LayerKindInfo> &all();  // every kind, in the palette's order
const LayerKindInfo &info(LayerKind kind);
QString description(LayerKind kind);  // translated
}  // namespace layerkind
