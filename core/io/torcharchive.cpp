#include "torcharchive.h"

#include "zipcheck.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <cstring>
#include <limits>

namespace {
// Messages a user reads: translated (context "Checkpoint").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Checkpoint)
};
}  // namespace

namespace torcharchive {
namespace {

constexpr qsizetype kMaxTable = qsizetype(64) << 20;   // data.pkl: the experiment (at most 16 MiB) and the names
constexpr qsizetype kMaxOther = qsizetype(16) << 20;   // constants and debug tables (a few hundred bytes each)
constexpr std::size_t kMaxValues = std::size_t(1) << 22;  // a checkpoint holds about ten thousand
constexpr std::size_t kMaxItems = std::size_t(1) << 24;   // references held by tuples, lists and dicts together
constexpr int kMaxDims = 64;
constexpr qsizetype kMaxName = 1024;  // a GLOBAL's module or name

struct DType {
    const char *name;
    int size;
};
// The element types a tensor of ours can have; LibTorch knows more (complex, quantized), which
// no file of this program holds.
constexpr DType kTypes[] = {{"Float", 4}, {"Double", 8}, {"Half", 2}, {"BFloat16", 2}, {"Long", 8},
                            {"Int", 4},   {"Short", 2},  {"Char", 1}, {"Byte", 1},     {"Bool", 1}};

enum class Kind { None, Bool, Int, Float, String, Tuple, List, Dict, Callable, Class, StorageType, Storage, NewObject, Object, Tensor, Hooks };
enum class Callable { RebuildTensor, OrderedDict, IntList };

struct Ref {
    int value = -1;
    Span at;
};

struct Value {
    Kind kind = Kind::None;
    std::int64_t i = 0;  // Int, Bool; Callable; StorageType: index into kTypes; Storage, Tensor: index of its record
    double f = 0;
    QByteArray s;        // String; Class: its name
    std::vector<Ref> items;  // Tuple, List; Dict: key, value, key, value, ...; NewObject, Object: class (and state)
};

struct Storage {
    int type = 0;
    QByteArray key;
    std::int64_t numel = 0;
    Span typeAt, numelAt;
    bool used = false;
};

struct Tensor {
    int storage = 0;  // index into the storages
    std::int64_t offset = 0;
    std::vector<std::int64_t> sizes, strides;
    Span offsetAt;
    bool reached = false;
};

bool isDevice(const QByteArray &d)
{
    if (d == "cpu" || d == "cuda")
        return true;
    if (!d.startsWith("cuda:") || d.size() == 5 || d.size() > 8)
        return false;
    for (qsizetype i = 5; i < d.size(); ++i)
        if (d[i] < '0' || d[i] > '9')
            return false;
    return true;
}

bool isKey(const QByteArray &k)
{
    if (k.isEmpty() || k.size() > 64)
        return false;
    for (char c : k)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'))
            return false;
    return true;
}

class Parser {
public:
    Parser(QByteArrayView bytes, QString name, const std::function<qint64(const QString &)> &recordSize, bool objects)
        : m_b(bytes), m_name(std::move(name)), m_recordSize(recordSize), m_objects(objects),
          // A pickle's data records live in the folder of its name: archive/data.pkl -> archive/data/.
          m_recordDir((m_name.endsWith(QLatin1String(".pkl"), Qt::CaseInsensitive) ? m_name.chopped(4) : m_name) + QLatin1Char('/'))
    {
    }

    Contents run()
    {
        Contents out;
        out.pickle = m_name;
        if (!parse() || !walk(&out)) {
            out.error = m_error;
            out.tensors.clear();
            out.values.clear();
        }
        return out;
    }

private:
    // ---- reading ----
    bool fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = Text::tr("%1, byte %2: %3").arg(m_name).arg(m_opAt).arg(why);
        return false;
    }
    bool failAt(const QString &why)  // a problem of the whole table, not of one opcode
    {
        if (m_error.isEmpty())
            m_error = Text::tr("%1: %2").arg(m_name, why);
        return false;
    }
    bool has(qsizetype n) const { return n >= 0 && n <= m_b.size() - m_pos; }
    std::uint64_t le(int width)
    {
        std::uint64_t v = 0;
        for (int i = width - 1; i >= 0; --i)
            v = (v << 8) | std::uint8_t(m_b[m_pos + i]);
        m_pos += width;
        return v;
    }
    bool readUnsigned(int width, std::uint64_t *v)
    {
        if (!has(width))
            return fail(Text::tr("the table ends inside a value"));
        *v = le(width);
        return true;
    }
    bool readLine(QByteArray *line)
    {
        const qsizetype end = m_b.indexOf('\n', m_pos);
        if (end < 0 || end - m_pos > kMaxName)
            return fail(Text::tr("a name is not ended"));
        *line = m_b.sliced(m_pos, end - m_pos).toByteArray();
        m_pos = end + 1;
        return true;
    }

    // ---- the stack ----
    bool add(Value v, int *index)
    {
        if (m_values.size() >= kMaxValues)
            return fail(Text::tr("the table holds more values than any checkpoint"));
        m_items += v.items.size();
        if (m_items > kMaxItems)
            return fail(Text::tr("the table holds more values than any checkpoint"));
        m_values.push_back(std::move(v));
        *index = int(m_values.size() - 1);
        return true;
    }
    bool push(Value v)
    {
        int index = 0;
        return add(std::move(v), &index) && pushRef(index);
    }
    bool pushRef(int index)
    {
        if (m_stack.size() >= kMaxValues)
            return fail(Text::tr("the table holds more values than any checkpoint"));
        m_stack.push_back(Ref{index, Span{m_opAt, m_pos - m_opAt}});
        return true;
    }
    std::size_t floor() const { return m_marks.empty() ? 0 : m_marks.back(); }
    bool pop(Ref *r)
    {
        if (m_stack.size() <= floor())
            return fail(Text::tr("a value is missing"));
        *r = m_stack.back();
        m_stack.pop_back();
        return true;
    }
    bool popToMark(std::vector<Ref> *items)
    {
        if (m_marks.empty())
            return fail(Text::tr("a mark is missing"));
        const std::size_t start = m_marks.back();
        m_marks.pop_back();
        items->assign(m_stack.begin() + std::ptrdiff_t(start), m_stack.end());
        m_stack.resize(start);
        return true;
    }
    Value &at(const Ref &r) { return m_values[size_t(r.value)]; }
    bool isInt(const Ref &r) { return at(r).kind == Kind::Int; }

    bool parse()
    {
        if (m_b.size() < 2 || std::uint8_t(m_b[0]) != 0x80 || std::uint8_t(m_b[1]) != 2)
            return fail(Text::tr("not a pickle of protocol 2"));
        m_pos = 2;
        while (true) {
            m_opAt = m_pos;
            if (!has(1))
                return fail(Text::tr("the table ends without its STOP"));
            const char op = m_b[m_pos++];
            if (op == '.')
                break;
            if (!step(op))
                return false;
        }
        if (m_pos != m_b.size())
            return fail(Text::tr("%1 bytes follow the end of the table").arg(m_b.size() - m_pos));
        if (m_stack.size() != 1 || !m_marks.empty())
            return fail(Text::tr("the table does not end in one value"));
        return true;
    }

    bool step(char op)
    {
        std::uint64_t u = 0;
        switch (op) {
        case '(':  // MARK
            m_marks.push_back(m_stack.size());
            return true;
        case ')':  // EMPTY_TUPLE
            return push(Value{Kind::Tuple});
        case ']':  // EMPTY_LIST
            return push(Value{Kind::List});
        case '}':  // EMPTY_DICT
            return push(Value{Kind::Dict});
        case 'N':
            return push(Value{Kind::None});
        case '\x88':
        case '\x89':
            return push(Value{Kind::Bool, op == '\x88' ? 1 : 0});
        case 'K':  // BININT1
        case 'M':  // BININT2
            if (!readUnsigned(op == 'K' ? 1 : 2, &u))
                return false;
            return push(Value{Kind::Int, std::int64_t(u)});
        case 'J':  // BININT
            if (!readUnsigned(4, &u))
                return false;
            return push(Value{Kind::Int, std::int64_t(std::int32_t(std::uint32_t(u)))});
        case '\x8a':  // LONG1, as LibTorch writes it: eight bytes
            if (!readUnsigned(1, &u))
                return false;
            if (u != 8)
                return fail(Text::tr("a whole number of %1 bytes").arg(u));
            if (!readUnsigned(8, &u))
                return false;
            return push(Value{Kind::Int, std::int64_t(u)});
        case 'G': {  // BINFLOAT, big-endian
            if (!has(8))
                return fail(Text::tr("the table ends inside a value"));
            std::uint64_t bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | std::uint8_t(m_b[m_pos + i]);
            m_pos += 8;
            double d = 0;
            static_assert(sizeof d == sizeof bits);
            std::memcpy(&d, &bits, sizeof d);
            Value v{Kind::Float};
            v.f = d;
            return push(std::move(v));
        }
        case 'X': {  // BINUNICODE
            if (!readUnsigned(4, &u))
                return false;
            if (!has(qsizetype(u)))
                return fail(Text::tr("a text of %1 bytes runs past the end of the table").arg(u));
            Value v{Kind::String};
            v.s = m_b.sliced(m_pos, qsizetype(u)).toByteArray();
            m_pos += qsizetype(u);
            return push(std::move(v));
        }
        case 'q':  // BINPUT
        case 'r':  // LONG_BINPUT
            if (!readUnsigned(op == 'q' ? 1 : 4, &u))
                return false;
            // LibTorch numbers them in order; its reader and a standard one differ otherwise.
            if (u != m_memo.size())
                return fail(Text::tr("memo %1 out of order (expected %2)").arg(u).arg(m_memo.size()));
            if (m_stack.empty())
                return fail(Text::tr("a value is missing"));
            m_memo.push_back(m_stack.back().value);
            return true;
        case 'h':  // BINGET
        case 'j':  // LONG_BINGET
            if (!readUnsigned(op == 'h' ? 1 : 4, &u))
                return false;
            if (u >= m_memo.size())
                return fail(Text::tr("memo %1 does not exist").arg(u));
            return pushRef(m_memo[size_t(u)]);
        case 't': {  // TUPLE
            Value v{Kind::Tuple};
            return popToMark(&v.items) && push(std::move(v));
        }
        case '\x85':
        case '\x86':
        case '\x87': {  // TUPLE1..3
            Value v{Kind::Tuple};
            v.items.resize(size_t(op - '\x85' + 1));
            for (auto it = v.items.rbegin(); it != v.items.rend(); ++it)
                if (!pop(&*it))
                    return false;
            return push(std::move(v));
        }
        case 'l': {  // LIST
            Value v{Kind::List};
            return popToMark(&v.items) && push(std::move(v));
        }
        case 'd': {  // DICT
            Value v{Kind::Dict};
            if (!popToMark(&v.items))
                return false;
            if (v.items.size() % 2)
                return fail(Text::tr("a dictionary with a key but no value"));
            return push(std::move(v));
        }
        case 'e':  // APPENDS
        case 'u':  // SETITEMS
            return extend(op == 'e' ? Kind::List : Kind::Dict);
        case 's': {  // SETITEM
            Ref key, value;
            if (!pop(&value) || !pop(&key))
                return false;
            if (m_stack.size() <= floor() || at(m_stack.back()).kind != Kind::Dict)
                return fail(Text::tr("an item is set on something that is not a dictionary"));
            return addItems(m_stack.back(), {key, value});
        }
        case 'c':
            return global();
        case '\x81': {  // NEWOBJ: LibTorch's reader drops the (empty) arguments; BUILD makes the object
            Ref args, cls;
            if (!pop(&args) || !pop(&cls))
                return false;
            if (at(cls).kind != Kind::Class || at(args).kind != Kind::Tuple || !at(args).items.empty())
                return fail(Text::tr("an object is made in a way LibTorch's writer does not"));
            Value v{Kind::NewObject};
            v.items = {cls};
            return push(std::move(v));
        }
        case 'b': {  // BUILD
            Ref state, object;
            if (!pop(&state) || !pop(&object))
                return false;
            if (at(object).kind != Kind::NewObject || at(state).kind != Kind::Dict)
                return fail(Text::tr("an object is filled in a way LibTorch's writer does not"));
            Value v{Kind::Object};
            v.items = {at(object).items.front(), state};
            return push(std::move(v));
        }
        case 'R':
            return reduce();
        case 'Q':
            return persistent();
        default:
            return fail(Text::tr("opcode 0x%1 is not one LibTorch's writer uses").arg(std::uint8_t(op), 2, 16, QLatin1Char('0')));
        }
    }

    bool addItems(const Ref &container, const std::vector<Ref> &items)
    {
        m_items += items.size();
        if (m_items > kMaxItems)
            return fail(Text::tr("the table holds more values than any checkpoint"));
        auto &target = at(container).items;
        target.insert(target.end(), items.begin(), items.end());
        return true;
    }

    bool extend(Kind kind)
    {
        if (m_marks.empty() || m_marks.back() == 0)
            return fail(Text::tr("a mark is missing"));
        const Ref container = m_stack[m_marks.back() - 1];
        if (at(container).kind != kind)
            return fail(kind == Kind::List ? Text::tr("items are appended to something that is not a list")
                                           : Text::tr("items are set on something that is not a dictionary"));
        std::vector<Ref> items;
        if (!popToMark(&items))
            return false;
        if (kind == Kind::Dict && items.size() % 2)
            return fail(Text::tr("a dictionary with a key but no value"));
        return addItems(container, items);
    }

    bool global()
    {
        QByteArray module, name;
        if (!readLine(&module) || !readLine(&name))
            return false;
        if (module == "torch" && name.endsWith("Storage")) {
            const QByteArray type = name.chopped(7);
            for (int t = 0; t < int(std::size(kTypes)); ++t)
                if (type == kTypes[t].name)
                    return push(Value{Kind::StorageType, t});
        }
        Value v{Kind::Callable};
        if (module == "torch._utils" && name == "_rebuild_tensor_v2") {
            v.i = int(Callable::RebuildTensor);
        } else if (module == "collections" && name == "OrderedDict") {
            v.i = int(Callable::OrderedDict);
        } else if (module == "torch.jit._pickle" && name == "build_intlist") {
            v.i = int(Callable::IntList);
        } else if (m_objects && (module == "__torch__" || module.startsWith("__torch__."))) {
            v.kind = Kind::Class;
            v.s = module + '.' + name;
        } else {
            return fail(Text::tr("it refers to %1.%2, which LibTorch's writer does not use here")
                            .arg(QString::fromUtf8(module), QString::fromUtf8(name)));
        }
        return push(std::move(v));
    }

    bool intTuple(const Ref &r, std::vector<std::int64_t> *out)
    {
        const Value &v = at(r);
        if (v.kind != Kind::Tuple || v.items.size() > size_t(kMaxDims))
            return false;
        out->clear();
        for (const Ref &item : v.items) {
            if (!isInt(item))
                return false;
            out->push_back(at(item).i);
        }
        return true;
    }

    bool reduce()
    {
        Ref args, fn;
        if (!pop(&args) || !pop(&fn))
            return false;
        if (at(fn).kind != Kind::Callable || at(args).kind != Kind::Tuple)
            return fail(Text::tr("a call LibTorch's writer does not make"));
        const std::vector<Ref> a = at(args).items;
        switch (Callable(at(fn).i)) {
        case Callable::OrderedDict:  // a tensor's backward hooks: always none
            if (!a.empty())
                return fail(Text::tr("a call LibTorch's writer does not make"));
            return push(Value{Kind::Hooks});
        case Callable::IntList:
            if (a.size() != 1 || at(a[0]).kind != Kind::List)
                return fail(Text::tr("a call LibTorch's writer does not make"));
            for (const Ref &item : at(a[0]).items)
                if (!isInt(item))
                    return fail(Text::tr("a call LibTorch's writer does not make"));
            return pushRef(a[0].value);
        case Callable::RebuildTensor: {
            // (storage, storage offset, sizes, strides, requires grad, backward hooks)
            Tensor t;
            if (a.size() != 6 || at(a[0]).kind != Kind::Storage || !isInt(a[1]) || !intTuple(a[2], &t.sizes)
                || !intTuple(a[3], &t.strides) || at(a[4]).kind != Kind::Bool
                || (at(a[5]).kind != Kind::Hooks && at(a[5]).kind != Kind::None))
                return fail(Text::tr("a tensor is written in a way LibTorch's writer does not"));
            t.storage = int(at(a[0]).i);
            t.offset = at(a[1]).i;
            t.offsetAt = a[1].at;
            m_storages[size_t(t.storage)].used = true;
            m_tensors.push_back(std::move(t));
            return push(Value{Kind::Tensor, std::int64_t(m_tensors.size() - 1)});
        }
        }
        return fail(Text::tr("a call LibTorch's writer does not make"));
    }

    // ('storage', type, key, device, element count): the data of one tensor, in a zip entry.
    bool persistent()
    {
        Ref r;
        if (!pop(&r))
            return false;
        if (!m_objects)
            return fail(Text::tr("tensor data where LibTorch's writer keeps none"));
        const Value &v = at(r);
        if (v.kind != Kind::Tuple || v.items.size() != 5 || at(v.items[0]).kind != Kind::String || at(v.items[0]).s != "storage"
            || at(v.items[1]).kind != Kind::StorageType || at(v.items[2]).kind != Kind::String || at(v.items[3]).kind != Kind::String
            || !isInt(v.items[4]))
            return fail(Text::tr("tensor data is referred to in a way LibTorch's writer does not"));
        Storage s;
        s.type = int(at(v.items[1]).i);
        s.key = at(v.items[2]).s;
        s.numel = at(v.items[4]).i;
        s.typeAt = v.items[1].at;
        s.numelAt = v.items[4].at;
        if (!isKey(s.key))
            return fail(Text::tr("tensor data has a name LibTorch's writer does not give"));
        if (!isDevice(at(v.items[3]).s))
            return fail(Text::tr("tensor data %1 is for the device \"%2\"")
                            .arg(QString::fromLatin1(s.key), QString::fromUtf8(at(v.items[3]).s)));
        if (s.numel < 0 || s.numel > std::numeric_limits<std::int64_t>::max() / kTypes[s.type].size)
            return fail(Text::tr("tensor data %1 claims %2 values").arg(QString::fromLatin1(s.key)).arg(s.numel));
        m_storages.push_back(s);
        return push(Value{Kind::Storage, std::int64_t(m_storages.size() - 1)});
    }

    // ---- the named entries ----
    bool walk(Contents *out)
    {
        const Ref root = m_stack.front();
        if (m_objects && at(root).kind != Kind::Object)
            return failAt(Text::tr("its root is not an archive"));
        std::vector<std::pair<int, QString>> todo;
        QSet<int> seen;
        QSet<QString> paths;
        if (at(root).kind == Kind::Object)
            todo.emplace_back(root.value, QString());
        while (!todo.empty()) {
            const auto [object, prefix] = todo.back();
            todo.pop_back();
            if (seen.contains(object))
                return failAt(Text::tr("%1 is stored twice").arg(prefix.isEmpty() ? Text::tr("the archive") : prefix));
            seen.insert(object);
            const std::vector<Ref> &state = m_values[size_t(object)].items;
            const std::vector<Ref> &items = at(state[1]).items;
            for (size_t i = 0; i + 1 < items.size(); i += 2) {
                if (at(items[i]).kind != Kind::String)
                    return failAt(Text::tr("an entry of %1 has a name that is not text").arg(prefix));
                const QString name = QString::fromUtf8(at(items[i]).s);
                const QString path = prefix.isEmpty() ? name : prefix + QLatin1Char('/') + name;
                if (name.isEmpty() || paths.contains(path))
                    return failAt(Text::tr("two entries are named %1").arg(path));
                paths.insert(path);
                const Value &v = at(items[i + 1]);
                switch (v.kind) {
                case Kind::Object:
                    todo.emplace_back(items[i + 1].value, path);
                    break;
                case Kind::Tensor:
                    if (!addTensor(int(v.i), path, out))
                        return false;
                    break;
                case Kind::String:
                    out->values.insert(path, QString::fromUtf8(v.s));
                    break;
                case Kind::Int:
                    out->values.insert(path, qint64(v.i));
                    break;
                case Kind::Float:
                    out->values.insert(path, v.f);
                    break;
                case Kind::Bool:
                    out->values.insert(path, v.i != 0);
                    break;
                case Kind::Storage:
                    return failAt(Text::tr("%1 is tensor data outside a tensor").arg(path));
                default:
                    break;  // tuples, lists, dictionaries, none: options, read by LibTorch as values
                }
            }
        }
        for (const Tensor &t : m_tensors)
            if (!t.reached)
                return failAt(Text::tr("it holds a tensor outside its named entries"));
        for (const Storage &s : m_storages)
            if (!s.used)
                return failAt(Text::tr("it holds tensor data outside any tensor"));
        return true;
    }

    bool addTensor(int index, const QString &path, Contents *out)
    {
        Tensor &t = m_tensors[size_t(index)];
        if (t.reached)
            return failAt(Text::tr("tensor %1 is stored twice").arg(path));
        t.reached = true;
        const Storage &s = m_storages[size_t(t.storage)];
        TensorInfo info;
        info.path = path;
        info.dtype = QString::fromLatin1(kTypes[s.type].name);
        info.itemSize = kTypes[s.type].size;
        info.sizes = t.sizes;
        info.offset = t.offset;
        info.storageNumel = s.numel;
        info.record = m_recordDir + QString::fromLatin1(s.key);
        info.dtypeAt = s.typeAt;
        info.offsetAt = t.offsetAt;
        info.numelAt = s.numelAt;
        // The data record holds exactly the values the table claims.
        const qint64 bytes = m_recordSize(QString::fromLatin1(s.key));
        const std::int64_t claimed = s.numel * info.itemSize;
        if (s.numel > 0 && bytes < 0)
            return failAt(Text::tr("the data of tensor %1 (%2) is missing").arg(path, info.record));
        if (s.numel > 0 && bytes != claimed)
            return failAt(Text::tr("the data of tensor %1 (%2) holds %3 bytes, but its table claims %4 values of %5 (%6 bytes)")
                              .arg(path, info.record)
                              .arg(bytes)
                              .arg(s.numel)
                              .arg(info.dtype)
                              .arg(claimed));
        // Sizes and strides as LibTorch gives a contiguous tensor, and every value inside the data.
        std::int64_t numel = 1, stride = 1;
        for (size_t d = t.sizes.size(); d-- > 0;) {
            const std::int64_t n = t.sizes[d];
            if (n < 0 || t.strides.size() != t.sizes.size() || t.strides[d] != stride)
                return failAt(Text::tr("tensor %1 has a shape or layout this program never writes").arg(path));
            if (n > 0 && numel > std::numeric_limits<std::int64_t>::max() / n)
                return failAt(Text::tr("tensor %1 claims more values than any file can hold").arg(path));
            numel *= n;
            if (n > 1 && stride > std::numeric_limits<std::int64_t>::max() / n)
                return failAt(Text::tr("tensor %1 claims more values than any file can hold").arg(path));
            stride *= std::max<std::int64_t>(n, 1);
        }
        if (t.offset < 0 || t.offset > s.numel || numel > s.numel - t.offset)
            return failAt(Text::tr("tensor %1 lies outside its data (it starts at value %2 and has %3 values; the data holds %4)")
                              .arg(path)
                              .arg(t.offset)
                              .arg(numel)
                              .arg(s.numel));
        out->tensors.push_back(std::move(info));
        return true;
    }

    QByteArrayView m_b;
    QString m_name;
    const std::function<qint64(const QString &)> &m_recordSize;
    bool m_objects;
    QString m_recordDir;
    qsizetype m_pos = 0, m_opAt = 0;
    std::vector<Value> m_values;
    std::vector<Ref> m_stack;
    std::vector<std::size_t> m_marks;
    std::vector<int> m_memo;
    std::vector<Storage> m_storages;
    std::vector<Tensor> m_tensors;
    std::size_t m_items = 0;
    QString m_error;
};

}  // namespace

const TensorInfo *Contents::tensor(const QString &path) const
{
    for (const TensorInfo &t : tensors)
        if (t.path == path)
            return &t;
    return nullptr;
}

Contents readPickle(QByteArrayView pickle, const QString &name, const std::function<qint64(const QString &)> &recordSize, bool objects)
{
    return Parser(pickle, name, recordSize, objects).run();
}

Contents read(QByteArrayView zip)
{
    Contents out;
    std::vector<zipcheck::Entry> entries;
    if (const QString damage = zipcheck::verify(zip, &entries); !damage.isEmpty()) {
        out.error = damage;
        return out;
    }
    // LibTorch's reader takes the folder of the first entry as the archive's and finds entries
    // ignoring case.
    const qsizetype slash = entries.front().name.indexOf(QLatin1Char('/'));
    if (slash <= 0) {
        out.error = Text::tr("its entries are not in one folder");
        return out;
    }
    const QString archive = entries.front().name.left(slash);
    QHash<QString, const zipcheck::Entry *> byName;
    for (const zipcheck::Entry &e : entries)
        byName.insert(e.name.toCaseFolded(), &e);
    const QString table = archive + QStringLiteral("/data.pkl");
    if (!byName.contains(table.toCaseFolded())) {
        out.error = Text::tr("it has no %1").arg(table);
        return out;
    }
    for (const zipcheck::Entry &e : entries) {
        if (!e.name.toCaseFolded().endsWith(QLatin1String("pkl")))
            continue;
        const bool isTable = e.name.toCaseFolded() == table.toCaseFolded();
        if (e.method != 0) {
            out.error = Text::tr("%1 is compressed, which LibTorch's writer never does").arg(e.name);
            return out;
        }
        if (e.data.size() > (isTable ? kMaxTable : kMaxOther)) {
            out.error = Text::tr("%1 is %2 bytes, more than any checkpoint's").arg(e.name).arg(e.data.size());
            return out;
        }
        const QString folder = (e.name.endsWith(QLatin1String(".pkl"), Qt::CaseInsensitive) ? e.name.chopped(4) : e.name) + QLatin1Char('/');
        const std::function<qint64(const QString &)> recordSize = [&](const QString &key) -> qint64 {
            const zipcheck::Entry *record = byName.value((folder + key).toCaseFolded(), nullptr);
            return record ? qint64(record->size) : -1;
        };
        Contents c = readPickle(e.data, e.name, recordSize, isTable);
        if (!c.ok()) {
            out.error = c.error;
            return out;
        }
        if (isTable)
            out = std::move(c);
    }
    return out;
}

}  // namespace torcharchive
