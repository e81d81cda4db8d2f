window.DOSSIER_SEARCH = {"count":13,"docs":10,"split":[],"terms":["2","a","b","c","d","e","f","g","h","i","j","l","m","n","o","p","r","s","t","v","w","x","y"],"years":[2019,2021]};
