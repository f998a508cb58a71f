#!/bin/sh
# demo_commands.sh: the pubdb commands that build the example homepage's
# database (../shared/example-homepage.md, fixtures/homepage/), as a user
# types them: the README's tutorial.  .ci/demo runs it with `sh -x` and
# tests/cli/test_homepage.py runs it too, so the test checks exactly the
# demo's database.  Expects pubdb on PATH, PUBDB_DB and the PUBDB_*_URL
# of the replay server in the environment.
set -eu
pubdb config set owner "Xuanlei Zhao"
pubdb add arxiv:2408.12588 arxiv:2403.10266 arxiv:2401.10652 arxiv:2403.01164
pubdb add doi:10.1145/3627535.3638465

pubdb tag zhao2024realtime +"Efficient Video Generation"
pubdb tag zhao2024dsp +"Efficient Video Generation"
pubdb tag zhao2024autochunk +"Efficient Memory Cost"
pubdb tag zhao2024hetegen +"Efficient Memory Cost"
pubdb tag cheng2024fastfold +"Efficient AI for Science"

pubdb edit zhao2024realtime equal=1,2,3 selected=1
pubdb edit zhao2024dsp selected=1
pubdb edit zhao2024autochunk selected=1
pubdb edit zhao2024hetegen equal=1,2,3 selected=1
pubdb edit cheng2024fastfold selected=1

# the venue badges are found, not typed: Semantic Scholar, then DBLP
pubdb -q refresh --venues

# the code and blog links are found, not typed: the arXiv abstracts and
# comments (code), Hugging Face's paper pages (code, and the project page,
# which this homepage calls the blog); only FastFold's, which has no arXiv
# id and whose links no source gives, are typed
pubdb config set links.project blog
pubdb -q refresh --links
pubdb link cheng2024fastfold paper https://dl.acm.org/doi/10.1145/3627535.3638465
pubdb link cheng2024fastfold code https://github.com/hpcaitech/FastFold

pubdb repo add https://github.com/NUS-HPC-AI-Lab/VideoSys
pubdb repo add https://github.com/hpcaitech/ColossalAI
pubdb repo add https://github.com/hpcaitech/FastFold
pubdb -q refresh --stars

# The page's own wording: headings with emoji, a project's name and
# description as the page writes them rather than as GitHub does.
pubdb tag --rename "Efficient Video Generation" "📽️ Efficient Video Generation"
pubdb tag --rename "Efficient Memory Cost" "🧹 Efficient Memory Cost"
pubdb tag --rename "Efficient AI for Science" "🔬 Efficient AI for Science"
pubdb repo edit hpcaitech/ColossalAI name=Colossal-AI
pubdb repo edit NUS-HPC-AI-Lab/VideoSys description="An Easy and Efficient System for Video Generation"
