namespace MagLearn.Knowledge.Search;

/// <summary>The documents that hold a term in a field (index-wide ids, ascending), each with the term's score there.</summary>
internal sealed record ScoredPostings(int[] Docs, float[] Scores);
