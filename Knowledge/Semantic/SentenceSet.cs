using System.Buffers;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// Sentences that belong to owners (the phrasings of pages, the triggers of flows), their vectors side by side in
/// one block (<see cref="QuantizedRows"/>), so finding each owner's nearest sentence is one pass over memory with
/// no lookup per sentence.
/// </summary>
public sealed class SentenceSet
{
    private const int RowsPerTask = 8_192;

    private readonly QuantizedRows rows;
    private readonly int[] ownerOf;
    private readonly Dictionary<string, int> owners = new(StringComparer.Ordinal);
    private readonly string[] ownerNames;

    public SentenceSet(IReadOnlyList<(string Owner, string Text)> sentences, IReadOnlyList<float[]> vectors, int dimensions)
    {
        Dimensions = dimensions;
        Texts = sentences.Select(s => s.Text).ToArray();
        rows = new QuantizedRows(vectors, dimensions);
        ownerOf = new int[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            if (!owners.TryGetValue(sentences[i].Owner, out var owner)) owners[sentences[i].Owner] = owner = owners.Count;
            ownerOf[i] = owner;
        }
        ownerNames = owners.OrderBy(o => o.Value).Select(o => o.Key).ToArray();
    }

    public int Dimensions { get; }
    public int Count => ownerOf.Length;
    public IReadOnlyList<string> Texts { get; }
    public IReadOnlyList<string> Owners => ownerNames;

    public string OwnerOf(int sentence) => ownerNames[ownerOf[sentence]];

    /// <summary>A sentence's vector, to within the quantization step.</summary>
    public float[] Vector(int sentence) => rows.Row(sentence);

    /// <summary>Each owner's sentence nearest the question, leaving out one whose text is <paramref name="except"/>.</summary>
    public Nearest NearestTo(ReadOnlySpan<float> question, string? except = null)
    {
        var best = new int[ownerNames.Length];
        var scores = new float[ownerNames.Length];
        Array.Fill(best, -1);
        Array.Fill(scores, float.NegativeInfinity);
        if (ownerOf.Length == 0) return new Nearest(this, best, scores);
        var all = ArrayPool<float>.Shared.Rent(ownerOf.Length);
        try
        {
            var prepared = rows.Prepare(question);
            if (ownerOf.Length < SemanticIndex.ParallelFrom) rows.Scores(prepared, 0, ownerOf.Length, all);
            else
                Parallel.For(0, (ownerOf.Length + RowsPerTask - 1) / RowsPerTask, part =>
                {
                    var from = part * RowsPerTask;
                    var to = Math.Min(ownerOf.Length, from + RowsPerTask);
                    rows.Scores(prepared, from, to, all.AsSpan(from, to - from));
                });
            for (var i = 0; i < ownerOf.Length; i++)
            {
                if (except is not null && Texts[i] == except) continue;
                var score = all[i];
                var owner = ownerOf[i];
                if (score > scores[owner]) (scores[owner], best[owner]) = (score, i);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(all);
        }
        return new Nearest(this, best, scores);
    }

    internal bool TryOwner(string owner, out int index) => owners.TryGetValue(owner, out index);

    /// <summary>Each owner's nearest sentence to one question.</summary>
    public sealed class Nearest
    {
        private readonly SentenceSet set;
        private readonly int[] best;
        private readonly float[] scores;

        internal Nearest(SentenceSet set, int[] best, float[] scores)
        {
            this.set = set;
            this.best = best;
            this.scores = scores;
        }

        /// <summary>The best score of any owner; 0 when the set is empty.</summary>
        public float Max => scores.Length == 0 ? 0 : Math.Max(0, scores.Max());

        /// <summary>The owner's nearest score, or <paramref name="otherwise"/> when it has no sentence.</summary>
        public float ScoreOf(string owner, float otherwise = 0) =>
            set.TryOwner(owner, out var index) && best[index] >= 0 ? scores[index] : otherwise;

        /// <summary>Every owner with its nearest sentence, nearest first.</summary>
        public IEnumerable<(string Owner, string Text, float Score)> Ranked() =>
            Enumerable.Range(0, best.Length).Where(o => best[o] >= 0).OrderByDescending(o => scores[o])
                .Select(o => (set.ownerNames[o], set.Texts[best[o]], scores[o]));
    }
}
