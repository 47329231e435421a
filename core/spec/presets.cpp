#include "presets.h"

#include "classgrid.h"

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
    {"acgan-fashion", QT_TRANSLATE_NOOP("PresetTitles", "AC-GAN on Fashion-MNIST: ask for a class")},
    {"cdcgan-fashion", QT_TRANSLATE_NOOP("PresetTitles", "Conditional DCGAN on Fashion-MNIST: ask for a class")},
    {"cgan-ring8", QT_TRANSLATE_NOOP("PresetTitles", "Conditional MLP GAN on a ring of 8 Gaussians")},
    {"dcgan-fashion", QT_TRANSLATE_NOOP("PresetTitles", "DCGAN on Fashion-MNIST")},
    {"hinge-sn-fashion", QT_TRANSLATE_NOOP("PresetTitles", "Hinge loss and spectral norm on Fashion-MNIST")},
    {"lesson-conditioning", QT_TRANSLATE_NOOP("PresetTitles", "Lesson: labels against mode collapse")},
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
    if (spec.name == QLatin1String("lesson-conditioning") && spec.conditioning.enabled())
        return FollowUp{text(QT_TRANSLATE_NOOP("PresetFollowUps", "Take the labels away")),
                        text(QT_TRANSLATE_NOOP("PresetFollowUps", "The lesson's other half: the same networks, seed and steps without the "
                                                                  "class, which is lesson-mode-collapse. One undo step; Start again to "
                                                                  "compare the live mode count.")),
                        QString(), [](ExperimentSpec &s) { conditioningfit::apply(&s, ConditioningSpec{}); },
                        text(QT_TRANSLATE_NOOP("PresetFollowUps", "conditioning"))};
    if (spec.name == QLatin1String("lesson-wgan-clip"))
        return FollowUp{text(QT_TRANSLATE_NOOP("PresetFollowUps", "Open the gradient-penalty version")),
                        text(QT_TRANSLATE_NOOP("PresetFollowUps", "lesson-wgan-gp: the same critic kept Lipschitz by a gradient penalty "
                                                                  "instead of clipping")),
                        QStringLiteral("lesson-wgan-gp"), {}, {}};
    return std::nullopt;
}

std::optional<Lesson> lesson(const QString &name)
{
    auto text = [](const char *source) { return QCoreApplication::translate("PresetLessons", source); };
    const QString seeds = text(QT_TRANSLATE_NOOP("PresetLessons", "seeds 1 to 5"));
    Lesson l;
    if (name == QLatin1String("lesson-mode-collapse") || name == QLatin1String("lesson-mode-collapse-cured")) {
        l.measured = text(QT_TRANSLATE_NOOP("PresetLessons", "gan-playground-cli train 10000 steps, then evaluate; %1")).arg(seeds);
        l.columns = QStringList{text(QT_TRANSLATE_NOOP("PresetLessons", "Run")), text(QT_TRANSLATE_NOOP("PresetLessons", "Modes captured of 8")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "High quality %"))};
        l.rows = {{text(QT_TRANSLATE_NOOP("PresetLessons", "lesson-mode-collapse (plain GAN)")), QStringLiteral("6, 8, 5, 7, 7 (6.6)"),
                   QStringLiteral("91, 91, 24, 45, 81")},
                  {text(QT_TRANSLATE_NOOP("PresetLessons", "lesson-mode-collapse-cured (R1, two time-scales, EMA)")),
                   QStringLiteral("8, 8, 8, 8, 8 (8.0)"), QStringLiteral("90, 87, 90, 87, 17")},
                  {text(QT_TRANSLATE_NOOP("PresetLessons", "Published plain GAN (Lin et al., PacGAN, 2018)")), QStringLiteral("6.3"),
                   QStringLiteral("98.2")}};
        l.sweeps = {QStringLiteral("gan-playground-cli sweep --preset lesson-mode-collapse --seeds 1-5 --parallel 2 --out mode-collapse"),
                    QStringLiteral("gan-playground-cli sweep --preset lesson-mode-collapse-cured --seeds 1-5 --parallel 2 --out mode-collapse-cured")};
        if (name == QLatin1String("lesson-mode-collapse")) {
            l.watch = text(QT_TRANSLATE_NOOP("PresetLessons", "The 2D lab: the orange points gather on a few of the blue clusters, and the live "
                                                              "mode count under it stays below 8."));
            l.next = text(QT_TRANSLATE_NOOP("PresetLessons", "Open the cured version: the same networks with an R1 penalty, two time-scales "
                                                             "and a moving average of the generator."));
        } else {
            l.watch = text(QT_TRANSLATE_NOOP("PresetLessons", "The live mode count reaches 8 and stays there while the orange points settle on "
                                                              "every cluster."));
            l.next = text(QT_TRANSLATE_NOOP("PresetLessons", "Take the cures away one at a time (Data & Training: R1, the learning rates, EMA) "
                                                             "and see which one this seed needs."));
        }
        return l;
    }
    if (name == QLatin1String("lesson-conditioning")) {
        l.measured = text(QT_TRANSLATE_NOOP("PresetLessons", "gan-playground-cli train, then evaluate; %1")).arg(seeds);
        l.columns = QStringList{text(QT_TRANSLATE_NOOP("PresetLessons", "Run")), text(QT_TRANSLATE_NOOP("PresetLessons", "Modes captured of 8")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "High quality %")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "Worst class in its own mode %"))};
        l.rows = {{text(QT_TRANSLATE_NOOP("PresetLessons", "lesson-mode-collapse (no labels, 10000 steps)")), QStringLiteral("6, 8, 5, 7, 7 (6.6)"),
                   QStringLiteral("91, 91, 24, 45, 81"), QStringLiteral("-")},
                  {text(QT_TRANSLATE_NOOP("PresetLessons", "lesson-conditioning (labels, 10000 steps)")), QStringLiteral("8, 7, 8, 8, 8 (7.8)"),
                   QStringLiteral("98.6, 88.4, 99.6, 90.2, 93.5"), QStringLiteral("86.2, 0.0, 99.4, 15.1, 50.3")},
                  {text(QT_TRANSLATE_NOOP("PresetLessons", "cgan-ring8 (labels, R1, two time-scales, EMA, 6000 steps)")),
                   QStringLiteral("8, 8, 8, 8, 8 (8.0)"), QStringLiteral("100, 100, 99.9, 100, 100"), QStringLiteral("100, 100, 100, 100, 100")}};
        l.sweeps = {QStringLiteral("gan-playground-cli sweep --preset lesson-mode-collapse --seeds 1-5 --parallel 2 --out mode-collapse"),
                    QStringLiteral("gan-playground-cli sweep --preset lesson-conditioning --seeds 1-5 --parallel 2 --out conditioning"),
                    QStringLiteral("gan-playground-cli sweep --preset cgan-ring8 --seeds 1-5 --parallel 2 --out cgan-ring8")};
        l.watch = text(QT_TRANSLATE_NOOP("PresetLessons", "The 2D lab: each class's points (one colour per class) go to their own cluster, "
                                                          "and the live mode count reaches 8 where the same networks without labels "
                                                          "stop short. Pick a class beside the lab to see the discriminator's opinion of "
                                                          "points as that class."));
        l.next = text(QT_TRANSLATE_NOOP("PresetLessons", "Take the labels away (the button below) and start again; then open cgan-ring8, "
                                                         "the cures that also settle the one class that drifts here."));
        return l;
    }
    if (name == QLatin1String("lesson-saturating")) {
        l.watch = text(QT_TRANSLATE_NOOP("PresetLessons", "The gradient-norm plot: |grad G| stays about 20 times below a non-saturating "
                                                          "run's. In the 2D lab the orange points stay off the ring; Slow Motion's substep 6 "
                                                          "shows the short arrows of one batch."));
        l.next = text(QT_TRANSLATE_NOOP("PresetLessons", "Switch the loss to non-saturating (the button below) and start again: the points "
                                                         "reach the ring within a few hundred steps."));
        l.measured = text(QT_TRANSLATE_NOOP("PresetLessons", "gan-playground-cli train 3000 steps, then evaluate; %1")).arg(seeds);
        l.columns = QStringList{text(QT_TRANSLATE_NOOP("PresetLessons", "Loss")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "Mean |grad G|, steps 1-1000")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "Mean D(G(z)), last 1000 steps")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "Points within 3 sigma of a mode %"))};
        l.rows = {{text(QT_TRANSLATE_NOOP("PresetLessons", "minimax")), QStringLiteral("3.1, 2.7, 2.5, 3.2, 3.3"),
                   QStringLiteral("0.000, 0.037, 0.022, 0.021, 0.008"), QStringLiteral("0.0, 3.2, 0.9, 0.0, 0.2")},
                  {text(QT_TRANSLATE_NOOP("PresetLessons", "non-saturating")), QStringLiteral("32, 50, 101, 66, 78"),
                   text(QT_TRANSLATE_NOOP("PresetLessons", "0.09 to 0.18")), QStringLiteral("100, 97, 99, 76, 59")}};
        l.sweeps = {QStringLiteral("gan-playground-cli sweep --preset lesson-saturating --vary loss.kind=minimax,non-saturating --seeds 1-5 --parallel 2 --out saturating")};
        return l;
    }
    if (name == QLatin1String("lesson-wgan-clip") || name == QLatin1String("lesson-wgan-gp")) {
        l.measured = text(QT_TRANSLATE_NOOP("PresetLessons", "gan-playground-cli train 20000 steps, then evaluate; %1")).arg(seeds);
        l.columns = QStringList{text(QT_TRANSLATE_NOOP("PresetLessons", "Critic kept Lipschitz by")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "Modes captured of 25")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "Points within 3 sigma of a mode %")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "Jensen-Shannon, bits")),
                                text(QT_TRANSLATE_NOOP("PresetLessons", "Mean |grad G|, steps 1-1000"))};
        l.rows = {{text(QT_TRANSLATE_NOOP("PresetLessons", "weight clipping")), QStringLiteral("15, 11, 15, 15, 14 (14.0)"),
                   QStringLiteral("1.1, 1.1, 2.2, 1.7, 1.3"), QStringLiteral("0.86, 0.86, 0.83, 0.83, 0.84"),
                   QStringLiteral("0.0005, 0.0006, 0.0007, 0.0003, 0.0008")},
                  {text(QT_TRANSLATE_NOOP("PresetLessons", "gradient penalty")), QStringLiteral("23, 17, 17, 15, 22 (18.8)"),
                   QStringLiteral("12.8, 1.6, 1.9, 2.0, 9.2"), QStringLiteral("0.59, 0.83, 0.83, 0.83, 0.58"),
                   QStringLiteral("2.2, 2.8, 2.5, 2.6, 1.9")}};
        l.sweeps = {QStringLiteral("gan-playground-cli sweep --preset lesson-wgan-clip --vary loss.kind=wasserstein,wasserstein-gp --seeds 1-5 --parallel 2 --out wgan")};
        if (name == QLatin1String("lesson-wgan-clip")) {
            l.watch = text(QT_TRANSLATE_NOOP("PresetLessons", "The critic: |grad G| about 0.0005 in the gradient plot, and in the 2D lab an "
                                                              "almost flat ramp that cannot bend around 25 modes, so the points spread along "
                                                              "one line."));
            l.next = text(QT_TRANSLATE_NOOP("PresetLessons", "Open the gradient-penalty version: the same critic kept Lipschitz by a penalty "
                                                             "instead of clipping."));
        } else {
            l.watch = text(QT_TRANSLATE_NOOP("PresetLessons", "|grad G| about 2 in the gradient plot; in the 2D lab arrows pointing different "
                                                              "ways in different parts of the plane, and the generator's mesh stretching over "
                                                              "the grid."));
            l.next = text(QT_TRANSLATE_NOOP("PresetLessons", "Compare with lesson-wgan-clip (Presets menu): the same critic with clipped "
                                                             "weights gives a flat push in one direction."));
        }
        return l;
    }
    return std::nullopt;
}

QString defaultName()
{
    return QStringLiteral("dcgan-fashion");
}

}  // namespace presets
