//! Folding text for matching what people type: lower case, and the Kazakh
//! and Russian letters that keyboards without them replace with look-alikes
//! (қ→к, ә→а, ё→е …), so "куалик" finds "куәлік".

/// `text` in lower case with letter variants folded to their common substitute.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' => 'и',
            'ё' => 'е',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn kazakh_letters_match_their_substitutes() {
        assert_eq!(fold("Жеке куәлік"), fold("жеке куалик"));
        assert_eq!(fold("ҚАЗАҚСТАН"), "казакстан");
        assert_eq!(fold("Ёлка"), "елка");
        assert!(fold("Министерство юстиции").contains(&fold("ЮСТИЦИИ")));
    }
}
