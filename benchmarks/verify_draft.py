"""A 2,000-word draft for timing ``aigap verify``: a feature story, English and Korean.

Paragraphs of context (no figures) alternate with paragraphs whose
sentences carry figures, dates and quotations about the fact base's
subjects, about one claim per 50 words, as in a long news feature. Output
is deterministic.

    python benchmarks/verify_draft.py > draft.md
"""

from __future__ import annotations

import sys

CONTEXT = [
    "The release caught Washington off guard. For two years, American officials had "
    "argued that export controls on advanced chips would keep Chinese labs a generation "
    "behind, and many investors had priced in that assumption.",
    "Engineers who have tested the model say its reasoning is uneven but often strong, "
    "and that its willingness to show its chain of thought makes it easy to inspect.",
    "Analysts caution that training budgets reported by companies rarely include the "
    "cost of earlier experiments, salaries or the hardware bought before a run begins.",
    "In Seoul, chipmakers watched the sell-off closely, since their own fortunes are tied "
    "to the spending plans of American cloud companies.",
    "업계에서는 저비용 모델의 등장이 고성능 반도체 수요 전망에 어떤 영향을 줄지를 두고 "
    "의견이 엇갈린다. 일부 전문가는 오히려 전체 수요가 늘어날 수 있다고 본다.",
    "정부 관계자들은 수출 통제의 실효성을 다시 점검해야 한다고 말한다. 다만 구체적인 "
    "대책은 아직 나오지 않았다.",
    "Open-source advocates welcomed the decision to publish the model weights, saying it "
    "would let universities study a frontier system without a commercial licence.",
    "Critics, however, point out that the benchmarks used to compare models measure a "
    "narrow slice of what people actually ask chatbots to do.",
]
CLAIMS = [
    "DeepSeek released R1 on January 20, 2025. It scored 79.8% on AIME 2024, ahead of "
    "OpenAI's o1 at 79.2%.",
    "Nvidia shares fell nearly 17% on January 27, wiping out about 850 trillion won of "
    "market value. The Nasdaq dropped 3.07%.",
    "According to the AI Index, the US–China gap on MMLU shrank from 17.5 percentage "
    "points at the end of 2023 to 0.3 percentage points at the end of 2024.",
    'Marc Andreessen called R1 "AI\'s Sputnik moment".',
    "DeepSeek said it spent $5.58 million to build V3, renting Nvidia H800 chips at $2 "
    "per hour for two months.",
    "엔비디아 주가는 27일(현지시간) 17% 가까이 폭락했고, 브로드컴은 17.4% 떨어졌다.",
    "리카이푸는 “지금은 핵심기술 중 일부는 3개월 정도 뒤처진다”고 말했다.",
    "On Chatbot Arena the gap was 1.7% in February 2025, down from 9.3% in January 2024.",
]


def draft(words: int = 2000) -> str:
    paragraphs: list[str] = []
    i = 0
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(" ".join(CONTEXT[(i + k) % len(CONTEXT)] for k in range(3)))
        paragraphs.append(CLAIMS[i % len(CLAIMS)])
        i += 1
    return "# The week DeepSeek shook the market\n\n" + "\n\n".join(paragraphs) + "\n"


if __name__ == "__main__":
    sys.stdout.write(draft(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
