#pragma once

#include "data/dataset.h"
#include "spec/experimentspec.h"

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <memory>

class LatestWorker;

// A sample of the open experiment's data, for the window before (and beside) a run: its first
// real images, or up to kPoints real points of a 2D set, drawn as a run seeded alike draws
// them. Loaded on a thread of its own (a slow folder or a large gzip never holds up the
// window), a short pause after the last change (typing a path loads once); the newest request
// wins. The settings panel shows it, and the 2D lab shows the points before Start.
class DataPreview : public QObject {
    Q_OBJECT
public:
    static constexpr int kImages = 32;    // an 8x4 grid
    static constexpr int kPoints = 1500;  // enough to see every mode of a 2D set

    explicit DataPreview(QObject *parent = nullptr);
    ~DataPreview() override;  // a load under way is dropped

    // Shows `data` from now on: loads it unless it is what is shown or being loaded.
    void follow(const DataSpec &data, std::uint64_t seed);
    const DataSpec &followed() const { return m_spec; }
    bool isLoading() const { return m_loading; }
    // The newest preview: its data (null when it failed, with error() saying why, or before the
    // first load).
    std::shared_ptr<const Dataset> data() const { return m_data; }
    QString error() const { return m_error; }

signals:
    void loading();
    void changed();  // data() and error() are the newest load's

private:
    void load();

    DataSpec m_spec;
    std::uint64_t m_seed = 0;
    bool m_following = false;
    bool m_loading = false;
    std::shared_ptr<const Dataset> m_data;
    QString m_error;
    QTimer m_pause;
    std::unique_ptr<LatestWorker> m_worker;  // last: joins before the rest goes
};
