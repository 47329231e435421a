#include "presets.h"

#include "specjson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace {
// Messages a user reads: translated (context "PresetFiles").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PresetFiles)
};
}  // namespace

namespace presets {

QStringList names()
{
    QStringList out;
    for (const QString &file : QDir(QStringLiteral(":/presets")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << file.chopped(5);
    return out;
}

QString load(const QString &name, ExperimentSpec *spec)
{
    QFile file(QStringLiteral(":/presets/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return Text::tr("no preset named \"%1\" (presets: %2)").arg(name, names().join(QStringLiteral(", ")));
    const specjson::ParseResult r = specjson::fromBytes(file.readAll(), Text::tr("preset %1").arg(name));
    if (!r.ok())
        return r.errors.join(QLatin1Char('\n'));
    *spec = r.spec;
    return QString();
}

namespace {
// Each preset's title, translated in the context "PresetTitles".
struct Title {
    const char *name;
    const char *title;
};
constexpr Title kTitles[] = {
    {"dcgan-fashion", QT_TRANSLATE_NOOP("PresetTitles", "DCGAN on Fashion-MNIST")},
    {"hinge-sn-fashion", QT_TRANSLATE_NOOP("PresetTitles", "Hinge loss and spectral norm on Fashion-MNIST")},
    {"lesson-mode-collapse", QT_TRANSLATE_NOOP("PresetTitles", "Lesson: mode collapse")},
    {"lesson-mode-collapse-cured", QT_TRANSLATE_NOOP("PresetTitles", "Lesson: mode collapse, cured")},
    {"lesson-saturating", QT_TRANSLATE_NOOP("PresetTitles", "Lesson: the saturating loss")},
    {"lesson-wgan-clip", QT_TRANSLATE_NOOP("PresetTitles", "Lesson: WGAN with weight clipping")},
    {"lesson-wgan-gp", QT_TRANSLATE_NOOP("PresetTitles", "Lesson: WGAN with a gradient penalty")},
    {"lsgan-fashion", QT_TRANSLATE_NOOP("PresetTitles", "Least-squares GAN on Fashion-MNIST")},
    {"mlp-grid25", QT_TRANSLATE_NOOP("PresetTitles", "MLP GAN on a grid of 25 Gaussians")},
    {"mlp-ring8", QT_TRANSLATE_NOOP("PresetTitles", "MLP GAN on a ring of 8 Gaussians")},
    {"seed-keras-mnist", QT_TRANSLATE_NOOP("PresetTitles", "The Keras MNIST GAN, layer for layer")},
    {"wgan-gp-fashion", QT_TRANSLATE_NOOP("PresetTitles", "WGAN-GP on Fashion-MNIST")},
};
}  // namespace

QString title(const QString &name)
{
    for (const Title &t : kTitles)
        if (name == QLatin1String(t.name))
            return QCoreApplication::translate("PresetTitles", t.title);
    return QString();
}

std::optional<FollowUp> followUp(const ExperimentSpec &spec)
{
    auto text = [](const char *source) { return QCoreApplication::translate("PresetFollowUps", source); };
    if (spec.name == QLatin1String("lesson-saturating") && spec.loss.kind == LossKind::Minimax)
        return FollowUp{text(QT_TRANSLATE_NOOP("PresetFollowUps", "Switch to the non-saturating loss")),
                        text(QT_TRANSLATE_NOOP("PresetFollowUps", "The lesson's next step: the same networks and fixed point, but G maximises "
                                                                  "log D(G(z)), so its gradient is strong exactly when D wins. One undo "
                                                                  "step; Start again to compare.")),
                        QString(), [](ExperimentSpec &s) { s.loss.kind = LossKind::NonSaturating; },
                        text(QT_TRANSLATE_NOOP("PresetFollowUps", "loss"))};
    if (spec.name == QLatin1String("lesson-mode-collapse"))
        return FollowUp{text(QT_TRANSLATE_NOOP("PresetFollowUps", "Open the cured version")),
                        text(QT_TRANSLATE_NOOP("PresetFollowUps", "lesson-mode-collapse-cured: the same networks with an R1 penalty, two "
                                                                  "time-scales and EMA")),
                        QStringLiteral("lesson-mode-collapse-cured"), {}, {}};
    if (spec.name == QLatin1String("lesson-wgan-clip"))
        return FollowUp{text(QT_TRANSLATE_NOOP("PresetFollowUps", "Open the gradient-penalty version")),
                        text(QT_TRANSLATE_NOOP("PresetFollowUps", "lesson-wgan-gp: the same critic kept Lipschitz by a gradient penalty "
                                                                  "instead of clipping")),
                        QStringLiteral("lesson-wgan-gp"), {}, {}};
    return std::nullopt;
}

QString defaultName()
{
    return QStringLiteral("dcgan-fashion");
}

}  // namespace presets
