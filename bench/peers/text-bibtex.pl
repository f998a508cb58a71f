#!/usr/bin/perl
# Peer driver for bench/import: Text::BibTeX (btparse, C) reads every entry of
# IN and prints it back to OUT.  Prints "entries_in N" (regular entries parsed,
# not @string/@preamble/@comment) so the bench can fill its "entries in" column.
use strict;
use warnings;
use Text::BibTeX;

die "usage: text-bibtex.pl IN OUT\n" unless @ARGV == 2;
my ($in, $out) = @ARGV;
my $bib = Text::BibTeX::File->new($in) or die "$in: $!\n";
open(my $fh, '>', $out) or die "$out: $!\n";
my $n = 0;
while (my $entry = Text::BibTeX::Entry->new($bib)) {
	next unless $entry->parse_ok;
	# print_s() re-serialises from the parsed fields, so the whole entry
	# really goes through the library's writer, not a copy of the input.
	print $fh $entry->print_s, "\n";
	$n++ if $entry->metatype == BTE_REGULAR;
}
close($fh) or die "$out: $!\n";
print "entries_in $n\n";
